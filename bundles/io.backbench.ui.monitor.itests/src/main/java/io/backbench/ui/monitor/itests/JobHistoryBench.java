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
 * does: the first page, scrolling to the middle and to the end, sorting, filtering. After each step
 * it checks that the rows shown are the catalog's rows for that position and order, so a fast but
 * wrong table cannot pass as fast. Writes a Markdown table to {@code backbench.bench.out}.
 */
class JobHistoryBench {
    static final int RUNS = 100_000;
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
        RunQuery newest = new RunQuery(RunFilter.ALL, RunSort.STARTED, true, 0, 1);
        step("open the view: first page shown", newest, total, () -> TableTiming.showViewFromMenu(shell, "Job History"));
        Table table = table();
        step("scroll to the middle (row 50,000)", newest, total, () -> table.setTopIndex(RUNS / 2 + offset()));
        step("scroll to the end", newest, total, () -> table.setTopIndex(table.getItemCount() - 1));
        untimed("back to the top", newest, total, () -> table.setTopIndex(0));
        RunQuery byJob = new RunQuery(RunFilter.ALL, RunSort.JOB, false, 0, 1);
        step("sort by job (at the top)", byJob, total, () -> click(table, JOB));
        step("scroll to the middle, sorted by job", byJob, total, () -> table.setTopIndex(RUNS / 2 - offset()));
        RunQuery byData = new RunQuery(RunFilter.ALL, RunSort.BYTES_READ, false, 0, 1);
        step("sort by data (in the middle)", byData, total, () -> click(table, DATA));
        untimed("back to the top", byData, total, () -> table.setTopIndex(0));
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
        step(name + " (300 ms typing pause included)", q, expected, () -> field.setText(text));
    }

    /**
     * Times {@code action} until the rows on screen are new rows of {@code query}; then checks them
     * against the catalog and the row count against {@code total}.
     */
    private void step(String name, RunQuery query, long total, Runnable action) {
        AtomicReference<Set<Run>> stale = new AtomicReference<>();
        TableTiming.Result r = TableTiming.time(name, () -> {
            stale.set(currentTable().map(TableTiming::stale).orElse(Set.of()));
            action.run();
        }, () -> currentTable().map(t -> TableTiming.filled(t, stale.get())).orElse(false));
        check(name, query, total);
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
        System.out.printf(Locale.ROOT, "history-bench: %-60s %8.1f ms (UI thread stall %.1f ms)%n", name, r.millis(), r.stallMillis());
    }

    private void untimed(String name, RunQuery query, long total, Runnable action) {
        AtomicReference<Set<Run>> stale = new AtomicReference<>();
        TableTiming.time(name, () -> {
            stale.set(name.startsWith("sorted") ? TableTiming.stale(table0()) : Set.of());
            action.run();
        }, () -> TableTiming.filled(table0(), stale.get()));
        check(name, query, total);
    }

    /** The rows on screen are the catalog's rows at that position, and the table has them all. */
    private void check(String step, RunQuery query, long total) {
        int[] topAndCount = Ui.call(() -> new int[] {table0().getTopIndex(), table0().getItemCount()});
        List<Run> shown = Ui.call(() -> TableTiming.shown(table0()));
        assertTotal(total, topAndCount[1]);
        if (shown.isEmpty()) {
            return;
        }
        List<Long> expected = catalog.runs(query.page(topAndCount[0], shown.size())).items().stream().map(Run::id).toList();
        List<Long> actual = shown.stream().map(r -> r == null ? -1L : r.id()).toList();
        if (!expected.equals(actual)) {
            throw new AssertionError(step + ": the rows shown from row " + topAndCount[0] + " are " + actual + ", the catalog has " + expected);
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
        // a different place each round, so no round finds its pages cached by the one before
        return results.getOrDefault("open the view: first page shown", List.of()).size() * 1_700;
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
        return WorkbenchDriver.view(mainShell(), MonitorDriver.HISTORY).flatMap(v -> MonitorDriver.table(v, null));
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
