package io.backbench.jobs.internal;

import java.io.IOException;
import java.time.Clock;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.jobs.api.ProgressMonitor;
import io.backbench.jobs.scheduler.api.JobContext;
import io.backbench.jobs.scheduler.api.JobRepositories;
import io.backbench.repository.api.OpenedRepository;
import io.backbench.repository.api.Repository;

/** One run's context; the repository is opened on demand and closed by the runner. Used on the run's worker thread. */
final class JobContextImpl implements JobContext, AutoCloseable {
    private final JobDefinition job;
    private final long runId;
    private final RecordingMonitor monitor;
    private final Catalog catalog;
    private final Clock clock;
    private final JobRepositories locator;
    private OpenedRepository opened;

    JobContextImpl(JobDefinition job, long runId, RecordingMonitor monitor, Catalog catalog, Clock clock, JobRepositories locator) {
        this.job = job;
        this.runId = runId;
        this.monitor = monitor;
        this.catalog = catalog;
        this.clock = clock;
        this.locator = locator;
    }

    @Override
    public long runId() {
        return runId;
    }

    @Override
    public ProgressMonitor monitor() {
        return monitor;
    }

    @Override
    public Repository repository() throws IOException {
        if (opened == null) {
            opened = locator.open(job);
            RetryLog.attach(opened.target(), monitor::info);
        }
        return opened.repository();
    }

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** Closes the repository (before a retry, and at the end). */
    @Override
    public void close() {
        if (opened != null) {
            try {
                opened.close();
            } catch (IOException e) {
                monitor.info("closing the repository failed: " + e.getMessage());
            }
            opened = null;
        }
    }
}
