package io.backbench.ui.monitor.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunFilter;
import io.backbench.catalog.api.RunQuery;
import io.backbench.catalog.api.RunSort;
import io.backbench.catalog.api.RunStatus;
import io.backbench.core.api.DataFolders;
import io.backbench.ui.testing.Osgi;
import io.backbench.ui.testing.Ui;
import io.backbench.ui.testing.WorkbenchDriver;

/**
 * The Job History view's sort, filter and CSV export, in the real workbench on a catalog of a few
 * thousand runs (a catalog of its own: history-itests.bndrun gives this class a fresh data folder).
 * Every check compares what the view shows or writes with what the catalog answers to the same
 * query, so a view that sorts or filters wrongly fails here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobHistoryViewIT {
    private static final int RUNS = 3_000;
    private static final int JOB = 0;
    private static final int STARTED = 3;
    private static final int DATA = 6;
    private static final RunQuery NEWEST = new RunQuery(RunFilter.ALL, RunSort.STARTED, true, 0, 1);

    private static Catalog catalog;

    @BeforeAll
    static void fillTheCatalog() {
        catalog = Osgi.service(Catalog.class);
        Ui.workbench();
        assertEquals(0, catalog.runs(RunQuery.newest()).total(), "a fresh catalog (history-itests.bndrun's own data folder)");
        HistoryRuns.fill(Osgi.service(DataFolders.class).catalog(), RUNS, Instant.now());
        assertEquals(RUNS, catalog.runs(RunQuery.newest()).total());
        MonitorDriver.show(WorkbenchDriver.MONITOR, MonitorDriver.HISTORY);
        // the runs were written behind the catalog's back (bulk SQL), so ask the view to read again
        MonitorDriver.tool(MonitorDriver.HISTORY, "refresh");
        awaitRows(NEWEST, RUNS, Set.of());
    }

    @AfterEach
    void closeDialogs() {
        WorkbenchDriver.closeDialogs();
    }

    @Test
    @Order(1)
    void sortsByAColumnAndBackWhenItsHeaderIsClicked() {
        RunQuery byJob = new RunQuery(RunFilter.ALL, RunSort.JOB, false, 0, 1);
        change(byJob, RUNS, () -> click(JOB));
        assertEquals(SWT.UP, Ui.call(() -> table().getSortDirection()), "ascending arrow on the first click");
        List<String> jobs = column(JOB);
        assertTrue(jobs.size() > 3, "several rows on screen: " + jobs);
        List<String> sorted = new ArrayList<>(jobs);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sorted, jobs, "rows on screen in job order");

        change(byJob.sortedBy(RunSort.JOB, true), RUNS, () -> click(JOB));
        assertEquals(SWT.DOWN, Ui.call(() -> table().getSortDirection()), "descending on the second click");

        change(new RunQuery(RunFilter.ALL, RunSort.BYTES_READ, false, 0, 1), RUNS, () -> click(DATA));
        // and in the middle of the table, not only at the top
        RunQuery byData = new RunQuery(RunFilter.ALL, RunSort.BYTES_READ, false, 0, 1);
        Ui.run(() -> table().setTopIndex(RUNS / 2));
        awaitRows(byData, RUNS, Set.of());
        change(NEWEST, RUNS, () -> click(STARTED));
    }

    @Test
    @Order(2)
    void filtersByTextAndByStatus() {
        long nas = catalog.runs(NEWEST.withFilter(RunFilter.ALL.withText("nas-02"))).total();
        assertTrue(nas > 0 && nas < RUNS, "the generated history has runs on nas-02 and elsewhere: " + nas);
        change(NEWEST.withFilter(RunFilter.ALL.withText("nas-02")), nas, () -> filterText().setText("nas-02"));
        for (List<String> row : rows()) {
            assertTrue(String.join(" ", row).contains("nas-02"), "every row shown matches the filter: " + row);
        }

        RunFilter failedOnNas = RunFilter.ALL.withText("nas-02").withStatuses(Set.of(RunStatus.FAILED));
        long failed = catalog.runs(NEWEST.withFilter(failedOnNas)).total();
        assertTrue(failed > 0, "some runs on nas-02 failed");
        change(NEWEST.withFilter(failedOnNas), failed, () -> selectStatus("Failed"));
        for (List<String> row : rows()) {
            assertEquals("Failed", row.get(5), "status filter: " + row);
        }
        String count = Ui.call(() -> WorkbenchDriver.labels(view()));
        assertTrue(count.contains(String.format("%,d run", failed)), "the count label says how many match: " + count);

        change(NEWEST.withFilter(RunFilter.ALL.withText("no such job anywhere")), 0, () -> filterText().setText("no such job anywhere"));
        assertFalse(Ui.call(() -> MonitorDriver.showsEmptyState(view())), "a filter that matches nothing keeps the table (and the filter) on screen");
    }

    @Test
    @Order(3)
    void exportsTheRowsShownToCsvInTheirOrder() throws IOException {
        RunFilter failed = RunFilter.ALL.withStatuses(Set.of(RunStatus.FAILED));
        change(NEWEST.withFilter(failed), catalog.runs(NEWEST.withFilter(failed)).total(), () -> {
            filterText().setText("");
            selectStatus("Failed");
        });
        RunQuery byJob = new RunQuery(failed, RunSort.JOB, false, 0, 1);
        change(byJob, catalog.runs(byJob).total(), () -> click(JOB));

        Path csv = Files.createTempDirectory("history-export").resolve("failed-runs.csv");
        MonitorDriver.answerDialog(MonitorDriver.HISTORY, "export", csv.toString());
        MonitorDriver.tool(MonitorDriver.HISTORY, "export");
        Ui.waitUntil("the CSV file", () -> Files.exists(csv));

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<Run> expected = catalog.runs(byJob.page(0, RunQuery.MAX_LIMIT)).items();
        assertTrue(lines.get(0).startsWith("run_id,job,kind,target,"), "a header row: " + lines.get(0));
        assertEquals(expected.size() + 1, lines.size(), "one line per run shown (none of the runs' texts hold a line break)");
        for (int i = 0; i < expected.size(); i++) {
            String line = lines.get(i + 1);
            assertTrue(line.startsWith(expected.get(i).id() + ","), "row " + i + " is run " + expected.get(i).id() + ": " + line);
            assertTrue(line.contains(",failed,") || line.contains(",FAILED,"), "only failed runs: " + line);
        }
    }

    /** Runs {@code action} on the UI thread, then waits until the rows on screen are {@code query}'s. */
    private static void change(RunQuery query, long total, Runnable action) {
        AtomicReference<Set<Run>> stale = new AtomicReference<>();
        Ui.run(() -> {
            stale.set(TableTiming.stale(table()));
            action.run();
        });
        awaitRows(query, total, stale.get());
    }

    /** Waits until the table has {@code total} rows and those on screen are the catalog's for that position. */
    private static void awaitRows(RunQuery query, long total, Set<Run> stale) {
        Ui.waitUntil(total + " rows of " + query, () -> {
            Table t = table();
            if (t.getItemCount() != total || !TableTiming.filled(t, stale)) {
                return false;
            }
            List<Run> shown = TableTiming.shown(t);
            if (shown.isEmpty()) {
                return total == 0;
            }
            List<Long> expected = catalog.runs(query.page(t.getTopIndex(), shown.size())).items().stream().map(Run::id).toList();
            return expected.equals(shown.stream().map(r -> r == null ? -1L : r.id()).toList());
        });
    }

    private static List<List<String>> rows() {
        return Ui.call(() -> {
            // only the rows on screen: reading every row of a virtual table would load them all
            Table t = table();
            List<List<String>> rows = new ArrayList<>();
            int top = t.getTopIndex();
            for (int i = top; i < Math.min(t.getItemCount(), top + TableTiming.visibleRows(t)); i++) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < t.getColumnCount(); c++) {
                    cells.add(t.getItem(i).getText(c));
                }
                rows.add(cells);
            }
            return rows;
        });
    }

    private static List<String> column(int index) {
        return rows().stream().map(r -> r.get(index)).toList();
    }

    private static void click(int column) {
        TableColumn c = table().getColumn(column);
        Event e = new Event();
        e.widget = c;
        c.notifyListeners(SWT.Selection, e);
    }

    private static Text filterText() {
        return (Text) Ui.find(view(), Ui.data("backbench.field", "filter")).get(0);
    }

    private static void selectStatus(String label) {
        Combo status = (Combo) Ui.find(view(), Ui.data("backbench.field", "status")).get(0);
        status.select(status.indexOf(label));
        status.notifyListeners(SWT.Selection, new Event());
    }

    /** The Job History view in the visible perspective. UI thread only. */
    private static Composite view() {
        for (Shell s : Display.getCurrent().getShells()) {
            if (Boolean.TRUE.equals(s.getData("backbench.workbench"))) {
                return WorkbenchDriver.view(s, MonitorDriver.HISTORY).orElseThrow(() -> new AssertionError("no Job History view"));
            }
        }
        throw new AssertionError("no workbench window");
    }

    private static Table table() {
        return MonitorDriver.table(view(), null).orElseThrow(() -> new AssertionError("no Job History table"));
    }
}
