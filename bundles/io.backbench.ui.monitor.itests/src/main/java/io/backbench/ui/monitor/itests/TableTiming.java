package io.backbench.ui.monitor.itests;

import io.backbench.ui.testing.Ui;
import io.backbench.ui.testing.WorkbenchDriver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import io.backbench.catalog.api.Run;

/**
 * Stopwatch for the Job History benchmark: times a user action (run on the UI thread) until the
 * rows the table shows are filled with runs of the new query and painted, polling the UI thread
 * every 2 ms. The poll itself asks the UI thread, so its slowest answer is how long the UI thread
 * was busy (the "UI thread stall" figure). A measurement, not a test: nothing here asserts a time.
 */
final class TableTiming {
    private static final long LIMIT_NANOS = 120_000_000_000L;

    /** One timed step: milliseconds until the rows were painted, and the UI thread's slowest answer meanwhile. */
    record Result(double millis, double stallMillis) {
    }

    private TableTiming() {
    }

    /**
     * Runs {@code action} on the UI thread, then waits until {@code done} (evaluated on the UI thread)
     * holds. The clock starts just before the action, on the UI thread, and stops on the UI thread.
     */
    static Result time(String what, Runnable action, Supplier<Boolean> done) {
        // one Display for the whole step: Ui.call finds it with Thread.getAllStackTraces, which
        // stops every thread for a moment, and would do that every 2 ms while the clock runs
        Display display = Ui.display();
        long start = onUi(display, () -> {
            long t = System.nanoTime();
            action.run();
            return t;
        });
        long stall = 0;
        while (true) {
            long asked = System.nanoTime();
            Long end = onUi(display, () -> done.get() ? System.nanoTime() : null);
            long answered = System.nanoTime();
            stall = Math.max(stall, answered - asked);
            if (end != null) {
                return new Result((end - start) / 1e6, stall / 1e6);
            }
            if (answered - start > LIMIT_NANOS) {
                throw new AssertionError(what + ": the Job History showed no filled rows within " + LIMIT_NANOS / 1_000_000_000 + " s");
            }
            Ui.sleep(2);
        }
    }

    private static <T> T onUi(Display display, Supplier<T> code) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                result.set(code.get());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /** The number of rows the table has room for (the last one perhaps cut). UI thread only. */
    static int visibleRows(Table t) {
        return Math.max(1, (t.getClientArea().height - t.getHeaderHeight()) / t.getItemHeight() + 1);
    }

    /** The runs shown now in the rows on screen (nulls for rows not filled). UI thread only. */
    static List<Run> shown(Table t) {
        List<Run> runs = new ArrayList<>();
        int top = t.getTopIndex();
        for (int i = top; i < Math.min(t.getItemCount(), top + visibleRows(t)); i++) {
            runs.add(t.getItem(i).getData() instanceof Run r ? r : null);
        }
        return runs;
    }

    /** The Run objects the rows on screen hold now, by identity (a new query makes new objects). UI thread only. */
    static Set<Run> stale(Table t) {
        Set<Run> set = Collections.newSetFromMap(new IdentityHashMap<>());
        shown(t).stream().filter(r -> r != null).forEach(set::add);
        return set;
    }

    /**
     * Whether every row on screen shows a run that is not one of {@code stale}, as the table paints
     * it; if so paints what is pending. Reading a row's text makes a virtual table ask for its data,
     * as painting would. UI thread only.
     */
    static boolean filled(Table t, Set<Run> stale) {
        int top = t.getTopIndex();
        for (int i = top; i < Math.min(t.getItemCount(), top + visibleRows(t)); i++) {
            TableItem item = t.getItem(i);
            String job = item.getText(0);
            if (!(item.getData() instanceof Run run) || stale.contains(run) || !job.equals(run.jobName())) {
                return false;
            }
        }
        t.update();
        return true;
    }

    /** Clicks View > Show View > {@code label} in the menu bar. UI thread only. */
    static void showViewFromMenu(Shell shell, String label) {
        MenuItem showView = item(shell.getMenuBar(), "View").orElseThrow(() -> new AssertionError("no View menu"));
        MenuItem cascade = item(showView.getMenu(), "Show View").orElseThrow(() -> new AssertionError("no View > Show View"));
        MenuItem view = item(cascade.getMenu(), label).orElseThrow(() -> new AssertionError("no View > Show View > " + label));
        Event e = new Event();
        e.widget = view;
        view.notifyListeners(SWT.Selection, e);
    }

    private static java.util.Optional<MenuItem> item(Menu menu, String text) {
        // JFace fills menus when they are about to show
        menu.notifyListeners(SWT.Show, new Event());
        for (MenuItem i : menu.getItems()) {
            if (WorkbenchDriver.plain(i.getText()).equals(text)) {
                return java.util.Optional.of(i);
            }
        }
        return java.util.Optional.empty();
    }
}
