package io.backbench.jobs.internal;

import java.util.concurrent.atomic.AtomicInteger;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.CatalogException;
import io.backbench.catalog.api.EventLevel;
import io.backbench.jobs.api.ProgressMonitor;

/**
 * The monitor a kind sees: passes everything to the JobManager's monitor (the Progress view) and
 * writes tasks, warnings and info lines to the run's event log in the catalog. Thread-safe.
 */
final class RecordingMonitor implements ProgressMonitor {
    private final ProgressMonitor delegate;
    private final Catalog catalog;
    private final long runId;
    private final AtomicInteger warnings = new AtomicInteger();
    private String lastTask;

    RecordingMonitor(ProgressMonitor delegate, Catalog catalog, long runId) {
        this.delegate = delegate;
        this.catalog = catalog;
        this.runId = runId;
    }

    @Override
    public void begin(String task, long totalWork) {
        delegate.begin(task, totalWork);
        boolean changed;
        synchronized (this) {
            // a task restarted with its total (once a scan knows it) is one line in the log, not two
            changed = task != null && !task.equals(lastTask);
            lastTask = task;
        }
        if (changed) {
            record(EventLevel.INFO, task);
        }
    }

    @Override
    public void worked(long work) {
        delegate.worked(work);
    }

    @Override
    public void subTask(String detail) {
        delegate.subTask(detail);
    }

    @Override
    public void warn(String message) {
        warnings.incrementAndGet();
        delegate.warn(message);
        record(EventLevel.WARNING, message);
    }

    @Override
    public void info(String message) {
        delegate.info(message);
        record(EventLevel.INFO, message);
    }

    void error(String message) {
        record(EventLevel.ERROR, message);
    }

    @Override
    public boolean isCancelled() {
        return delegate.isCancelled();
    }

    int warnings() {
        return warnings.get();
    }

    /** The event log is a record of the run, not the run itself: a catalog hiccup must not fail a backup. */
    private void record(EventLevel level, String message) {
        try {
            catalog.event(runId, level, message == null ? "" : message);
        } catch (CatalogException e) {
            System.err.println("backbench: could not log to run " + runId + ": " + e.getMessage());
        }
    }
}
