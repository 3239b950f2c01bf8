package io.backbench.ui.monitor.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.backbench.ui.api.ViewSite;

/**
 * A view's worker thread: catalog and repository calls block, so they run here, one at a time, and
 * their results come back to the UI thread through {@link ViewSite#asyncExec}. Closed with the view.
 */
public final class Background implements AutoCloseable {
    private final ExecutorService thread;
    private final ViewSite site;

    public Background(String name, ViewSite site) {
        this.site = site;
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "backbench-monitor-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Computes {@code work} on the worker thread, then hands the result to {@code done} on the UI
     * thread; a failure goes to the view's error dialog titled {@code what}.
     */
    public <T> void load(String what, Supplier<T> work, Consumer<T> done) {
        if (thread.isShutdown()) {
            return;
        }
        thread.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                site.asyncExec(() -> site.showError(what, message(e)));
                return;
            }
            site.asyncExec(() -> done.accept(result));
        });
    }

    /** Runs {@code work} on the worker thread; a failure goes to the view's error dialog titled {@code what}. */
    public void run(String what, Runnable work) {
        load(what, () -> {
            work.run();
            return null;
        }, x -> {
        });
    }

    /** The text for people of a failure: its message, or its type when it has none. */
    public static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /**
     * Turns bursts of change notifications (on any thread) into one call of {@code refresh} on the UI
     * thread, at most every {@code delayMs}.
     */
    public static Runnable coalescing(ViewSite site, long delayMs, Runnable refresh) {
        AtomicBoolean queued = new AtomicBoolean();
        return () -> {
            if (queued.compareAndSet(false, true)) {
                site.asyncExec(() -> org.eclipse.swt.widgets.Display.getCurrent().timerExec((int) delayMs, () -> {
                    queued.set(false);
                    refresh.run();
                }));
            }
        };
    }
}
