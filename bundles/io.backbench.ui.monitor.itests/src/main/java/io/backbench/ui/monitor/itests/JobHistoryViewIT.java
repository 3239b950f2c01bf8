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
import org.eclipse.swt.widgets.ToolItem;
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
 * The Job History view's sort, filter, pages and CSV export, in the real workbench on a catalog of a
 * few thousand runs (a catalog of its own: history-itests.bndrun gives this class a fresh data folder
 * and pages of {@value #PAGE} runs, so 3,000 runs make three pages). Every check compares what the
 * view shows or writes with what the catalog answers to the same query at the row the page bar
 * names, so a view that sorts, filters or pages wrongly fails here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobHistoryViewIT {
    private static final int RUNS = 3_000;
    /** backbench.history.pageSize in history-itests.bndrun. */
    private static final int PAGE = 1_000;
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
        changePage(byData, PAGE, () -> HistoryPages.press(view(), "next"));
        Ui.run(() -> table().setTopIndex(PAGE / 2));
        awaitRows(byData, RUNS, Set.of());
        assertEquals(PAGE, Ui.call(() -> HistoryPages.range(view()).start()), "the second page, in the data order");
        changePage(NEWEST, 0, () -> click(STARTED));
        assertEquals(0, Ui.call(() -> HistoryPages.range(view()).start()), "a new order starts on the first page");
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

    @Test
    @Order(4)
    void pagesThroughTheWholeQueryKeepingThePageOnRefreshAndExportingEveryRun() throws IOException {
        // test 3 left the filter empty, "Failed" and the job order
        change(NEWEST, RUNS, () -> {
            selectStatus("All statuses");
            click(STARTED);
        });
        Ui.run(() -> {
            assertTrue(HistoryPages.visible(view()), "3,000 runs in pages of 1,000 show the page bar");
            assertEquals(new HistoryPages.Range(0, PAGE, RUNS), HistoryPages.range(view()));
            assertFalse(HistoryPages.enabled(view(), "first") || HistoryPages.enabled(view(), "previous"), "nothing before page 1");
            assertTrue(HistoryPages.enabled(view(), "next") && HistoryPages.enabled(view(), "last"));
        });
        changePage(NEWEST, PAGE, () -> HistoryPages.press(view(), "next"));
        assertEquals(new HistoryPages.Range(PAGE, PAGE, RUNS), Ui.call(() -> HistoryPages.range(view())));
        Ui.screenshot(WorkbenchDriver.shell(), "job-history-pages"); // target/screenshots, to look at the page bar
        changePage(NEWEST, 2 * PAGE, () -> HistoryPages.press(view(), "last"));
        assertEquals(new HistoryPages.Range(2 * PAGE, PAGE, RUNS), Ui.call(() -> HistoryPages.range(view())));
        Ui.run(() -> assertFalse(HistoryPages.enabled(view(), "next") || HistoryPages.enabled(view(), "last"), "nothing after the last page"));
        Ui.run(() -> table().setTopIndex(400));
        awaitSettledScrolling();
        // the check is the user's: the run at the top before the refresh is still on screen after it
        long topRun = Ui.call(() -> ((Run) table().getItem(table().getTopIndex()).getData()).id());

        // the catalog listener's refresh reads the query again where the user is
        ToolItem refresh = WorkbenchDriver.viewTool(MonitorDriver.HISTORY, "refresh");
        change(NEWEST, RUNS, () -> {
            Event e = new Event();
            e.widget = refresh;
            refresh.notifyListeners(SWT.Selection, e);
        });
        assertEquals(2 * PAGE, Ui.call(() -> HistoryPages.range(view()).start()), "a refresh keeps the page");
        List<Long> onScreen = Ui.call(() -> TableTiming.shown(table()).stream().map(r -> r == null ? -1L : r.id()).toList());
        assertTrue(onScreen.contains(topRun), "a refresh keeps the scroll position: run " + topRun + " is not among " + onScreen);

        Path csv = Files.createTempDirectory("history-export").resolve("all-runs.csv");
        MonitorDriver.answerDialog(MonitorDriver.HISTORY, "export", csv.toString());
        MonitorDriver.tool(MonitorDriver.HISTORY, "export");
        Ui.waitUntil("the CSV file", () -> Files.exists(csv) && lineCount(csv) == RUNS + 1);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        long newest = catalog.runs(NEWEST).items().get(0).id();
        assertTrue(lines.get(1).startsWith(newest + ","), "the export starts at the query's first run, not the page's: " + lines.get(1));

        changePage(NEWEST, PAGE, () -> HistoryPages.press(view(), "previous"));
        assertEquals(PAGE, Ui.call(() -> HistoryPages.range(view()).start()));
        long nas = catalog.runs(NEWEST.withFilter(RunFilter.ALL.withText("nas-02"))).total();
        change(NEWEST.withFilter(RunFilter.ALL.withText("nas-02")), nas, () -> filterText().setText("nas-02"));
        assertEquals(new HistoryPages.Range(0, (int) Math.min(PAGE, nas), nas), Ui.call(() -> HistoryPages.range(view())),
                "a filter starts on the first page");
        assertEquals(nas > PAGE, Ui.call(() -> HistoryPages.visible(view())), "the page bar shows only when the runs need pages");
        change(NEWEST.withFilter(RunFilter.ALL.withText("no such job anywhere")), 0, () -> filterText().setText("no such job anywhere"));
        assertFalse(Ui.call(() -> HistoryPages.visible(view())), "no page bar for no runs");
        change(NEWEST, RUNS, () -> filterText().setText(""));
        assertEquals(new HistoryPages.Range(0, PAGE, RUNS), Ui.call(() -> HistoryPages.range(view())));
    }

    /**
     * GTK scrolls to a row of a long table in steps while it measures the rows on the way (their
     * height is estimated until then), so the top row can still move after setTopIndex: waits until
     * it stays put and the rows on screen are filled.
     */
    private static void awaitSettledScrolling() {
        int[] last = {-1};
        // two polls 100 ms apart (the UI thread runs GTK's work in between) that find the same top row
        Ui.waitUntil("the scroll position to settle", () -> {
            int top = table().getTopIndex();
            boolean settled = top == last[0] && TableTiming.filled(table(), Set.of());
            last[0] = top;
            return settled;
        });
        awaitRows(NEWEST, RUNS, Set.of());
    }

    private static long lineCount(Path file) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1; // still being written
        }
    }

    /** Runs {@code action} on the UI thread, then waits until the rows on screen are {@code query}'s. */
    /**
     * Presses a page button and waits for that page: a refresh of the page shown before (the
     * catalog listener's) can land first and look like a changed table.
     */
    private static void changePage(RunQuery query, int start, Runnable action) {
        change(query, RUNS, action);
        Ui.waitUntil("the page starting at run " + (start + 1), () -> HistoryPages.range(view()).start() == start);
        awaitRows(query, RUNS, Set.of());
    }

    private static void change(RunQuery query, long total, Runnable action) {
        AtomicReference<Set<Run>> stale = new AtomicReference<>();
        Ui.run(() -> {
            stale.set(TableTiming.stale(table()));
            action.run();
        });
        awaitRows(query, total, stale.get());
    }

    /**
     * Waits until the page bar counts {@code total} runs, the table holds the page it names and the
     * rows on screen are the catalog's for that position.
     */
    private static void awaitRows(RunQuery query, long total, Set<Run> stale) {
        Ui.waitUntil(total + " rows of " + query, () -> {
            Table t = table();
            HistoryPages.Range page = HistoryPages.range(view());
            if (page.total() != total || t.getItemCount() != page.rows() || page.rows() != Math.min(PAGE, total - page.start())
                    || !TableTiming.filled(t, stale)) {
                return false;
            }
            List<Run> shown = TableTiming.shown(t);
            if (shown.isEmpty()) {
                return total == 0;
            }
            List<Long> expected = catalog.runs(query.page(page.start() + t.getTopIndex(), shown.size())).items().stream().map(Run::id)
                    .toList();
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
