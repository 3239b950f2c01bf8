package io.backbench.ui.monitor.itests;

import io.backbench.ui.testing.Ui;
import io.backbench.ui.testing.WorkbenchDriver;
import io.backbench.ui.testing.Osgi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunFilter;
import io.backbench.catalog.api.RunQuery;
import io.backbench.catalog.api.RunSort;
import io.backbench.core.api.DataFolders;

/**
 * The Job History with 100,000 runs: a measurement, not a test (it asserts no time). Runs only when
 * the framework property {@code backbench.bench.history=true} is set, i.e. from
 * {@code history-bench.bndrun} as {@code releng/bench/history.sh} starts it; in the normal UI test
 * run it is reported as skipped. Fills the catalog with a year of runs, then, three times, opens a
 * fresh Job History view (View > Show View in a perspective that has none) and times what a user
 * does: the first page, scrolling within it, the next, last and first pages, sorting, filtering.
 * After each step it checks that the page bar names the expected page and the rows shown are the
 * catalog's rows for that position and order, so a fast but wrong table cannot pass as fast. Writes
 * a Markdown table to {@code backbench.bench.out}.
 */
class JobHistoryBench {
    static final int RUNS = 100_000;
    /** The product's page (history-bench.bndrun leaves backbench.history.pageSize unset). */
    private static final int PAGE = 5_000;
    private static final String[] ROUNDS = {WorkbenchDriver.DEVICES, WorkbenchDriver.TARGETS, WorkbenchDriver.BACKUPS};
    private static final int JOB = 0;
    private static final int STARTED = 3;
    private static final int DATA = 6;

    private final Map<String, List<TableTiming.Result>> results = new LinkedHashMap<>();
    private Catalog catalog;

    static boolean requested() {
        return "true".equals(Osgi.context().getProperty("backbench.bench.history"));
    }

    @Test
    @EnabledIf(value = "requested", disabledReason = "a measurement, not a test: releng/bench/history.sh runs it")
    void measuresTheJobHistoryWithAHundredThousandRuns() throws IOException {
        catalog = Osgi.service(Catalog.class);
        Ui.workbench();
        long before = catalog.runs(RunQuery.newest()).total();
        long fillStart = System.nanoTime();
        HistoryRuns.fill(Osgi.service(DataFolders.class).catalog(), RUNS, Instant.now());
        System.out.printf(Locale.ROOT, "history-bench: %,d runs written in %.1f s%n", RUNS, (System.nanoTime() - fillStart) / 1e9);
        long total = before + RUNS;
        assertTotal(total, catalog.runs(RunQuery.newest()).total());
        for (String perspective : ROUNDS) {
            round(perspective, total);
        }
        report(total);
    }

    private void round(String perspective, long total) {
        WorkbenchDriver.showPerspective(perspective);
        Ui.sleep(1500); // let the perspective's own views load before the clock runs
        Shell shell = WorkbenchDriver.shell();
        int last = (int) ((total - 1) / PAGE * PAGE);
        RunQuery newest = new RunQuery(RunFilter.ALL, RunSort.STARTED, true, 0, 1);
        step("open the view: first page shown", newest, total, 0, () -> TableTiming.showViewFromMenu(shell, "Job History"));
        Table table = table();
        step("scroll within the page (to row 2,500)", newest, total, 0, () -> table.setTopIndex(PAGE / 2 + offset()));
        step("next page (runs 5,001-10,000)", newest, total, PAGE, () -> press("next"));
        step("last page", newest, total, last, () -> press("last"));
        step("first page", newest, total, 0, () -> press("first"));
        RunQuery byJob = new RunQuery(RunFilter.ALL, RunSort.JOB, false, 0, 1);
        step("sort by job (back to the first page)", byJob, total, 0, () -> click(table, JOB));
        step("next page, sorted by job", byJob, total, PAGE, () -> press("next"));
        RunQuery byData = new RunQuery(RunFilter.ALL, RunSort.BYTES_READ, false, 0, 1);
        step("sort by data (from page 2)", byData, total, 0, () -> click(table, DATA));
        untimed("sorted by start again", newest, total, () -> click(table, STARTED));
        filter(table, "nas-02", newest);
        filter(table, "checksum mismatch", newest);
        filter(table, "", newest);
    }

    private void filter(Table table, String text, RunQuery newest) {
        RunQuery q = newest.withFilter(RunFilter.ALL.withText(text));
        long expected = catalog.runs(q).total();
        Text field = Ui.call(() -> (Text) Ui.find(view(), Ui.data("backbench.field", "filter")).get(0));
        String name = text.isEmpty() ? "clear the filter" : "filter by \"" + text + "\"";
        step(name + " (300 ms typing pause included)", q, expected, 0, () -> field.setText(text));
    }

    /** Presses a button of the page bar. UI thread only. */
    private static void press(String action) {
        HistoryPages.press(currentView().orElseThrow(), action);
    }

    /**
     * Times {@code action} until the rows on screen are new rows of {@code query}; then checks them
     * against the catalog and the row count against {@code total}.
     */
    private void step(String name, RunQuery query, long total, int start, Runnable action) {
        AtomicReference<Set<Run>> stale = new AtomicReference<>();
        TableTiming.Result r = TableTiming.time(name, () -> {
            stale.set(currentTable().map(TableTiming::stale).orElse(Set.of()));
            action.run();
        }, () -> currentTable().map(t -> TableTiming.filled(t, stale.get())).orElse(false));
        check(name, query, total, start);
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
        System.out.printf(Locale.ROOT, "history-bench: %-60s %8.1f ms (UI thread stall %.1f ms)%n", name, r.millis(), r.stallMillis());
    }

    private void untimed(String name, RunQuery query, long total, Runnable action) {
        AtomicReference<Set<Run>> stale = new AtomicReference<>();
        TableTiming.time(name, () -> {
            stale.set(name.startsWith("sorted") ? TableTiming.stale(table0()) : Set.of());
            action.run();
        }, () -> TableTiming.filled(table0(), stale.get()));
        check(name, query, total, 0);
    }

    /**
     * The page bar names page {@code start} of {@code total} runs, the table holds exactly that page,
     * and the rows on screen are the catalog's rows at that position.
     */
    private void check(String step, RunQuery query, long total, int start) {
        HistoryPages.Range page = Ui.call(() -> HistoryPages.range(currentView().orElseThrow()));
        int[] topAndCount = Ui.call(() -> new int[] {table0().getTopIndex(), table0().getItemCount()});
        List<Run> shown = Ui.call(() -> TableTiming.shown(table0()));
        assertTotal(total, page.total());
        int rows = (int) Math.min(PAGE, total - start);
        if (page.start() != start || page.rows() != rows || topAndCount[1] != rows) {
            throw new AssertionError(step + ": expected rows " + start + " to " + (start + rows) + " in the table, the page bar says " + page
                    + " and the table has " + topAndCount[1] + " rows");
        }
        if (shown.isEmpty()) {
            return;
        }
        int first = start + topAndCount[0];
        List<Long> expected = catalog.runs(query.page(first, shown.size())).items().stream().map(Run::id).toList();
        List<Long> actual = shown.stream().map(r -> r == null ? -1L : r.id()).toList();
        if (!expected.equals(actual)) {
            throw new AssertionError(step + ": the rows shown from row " + first + " are " + actual + ", the catalog has " + expected);
        }
    }

    private static void assertTotal(long expected, long actual) {
        if (expected != actual) {
            throw new AssertionError("expected " + expected + " runs, found " + actual);
        }
    }

    private static void click(Table table, int column) {
        TableColumn c = table.getColumn(column);
        Event e = new Event();
        e.widget = c;
        c.notifyListeners(SWT.Selection, e);
    }

    private int offset() {
        // a different place each round (within the page), so no round reads the same rows as the one before
        return results.getOrDefault("open the view: first page shown", List.of()).size() * 700;
    }

    private Composite view() {
        return WorkbenchDriver.view(WorkbenchDriver.shell(), MonitorDriver.HISTORY).orElseThrow();
    }

    private Table table() {
        return Ui.call(JobHistoryBench::table0);
    }

    private static Table table0() {
        return currentTable().orElseThrow(() -> new AssertionError("no Job History table in the visible perspective"));
    }

    /** The Job History table in the visible perspective, if any. UI thread only. */
    private static java.util.Optional<Table> currentTable() {
        return currentView().flatMap(v -> MonitorDriver.table(v, null));
    }

    /** The Job History view in the visible perspective, if any. UI thread only. */
    private static java.util.Optional<Composite> currentView() {
        return WorkbenchDriver.view(mainShell(), MonitorDriver.HISTORY);
    }

    private static Shell mainShell() {
        for (Shell s : org.eclipse.swt.widgets.Display.getCurrent().getShells()) {
            if (Boolean.TRUE.equals(s.getData("backbench.workbench"))) {
                return s;
            }
        }
        throw new AssertionError("no workbench window");
    }

    private void report(long total) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("| step | round 1 (ms) | round 2 (ms) | round 3 (ms) | median (ms) | UI thread stall, max (ms) |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        results.forEach((step, rs) -> {
            md.append("| ").append(step);
            rs.forEach(r -> md.append(String.format(Locale.ROOT, " | %.0f", r.millis())));
            double[] ms = rs.stream().mapToDouble(TableTiming.Result::millis).sorted().toArray();
            double stall = rs.stream().mapToDouble(TableTiming.Result::stallMillis).max().orElse(0);
            md.append(String.format(Locale.ROOT, " | %.0f | %.0f |%n", ms[ms.length / 2], stall));
        });
        System.out.println("history-bench: " + total + " runs in the catalog\n" + md);
        String out = Osgi.property("backbench.bench.out");
        Files.createDirectories(Path.of(out).getParent());
        Files.writeString(Path.of(out), md.toString());
    }
}
