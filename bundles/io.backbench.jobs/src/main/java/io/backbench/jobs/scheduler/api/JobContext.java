package io.backbench.jobs.scheduler.api;

import java.io.IOException;
import java.time.Clock;

import org.osgi.annotation.versioning.ProviderType;

import io.backbench.catalog.api.Catalog;
import io.backbench.jobs.api.ProgressMonitor;
import io.backbench.repository.api.Repository;

/** What a running {@link JobKind} gets from the runner. Used on the run's worker thread. */
@ProviderType
public interface JobContext {

    /** The run's id in the catalog. */
    long runId();

    /** Progress, cancellation, and the run's event log (warn and info lines are recorded). */
    ProgressMonitor monitor();

    /**
     * The job's repository, opened on first call with the definition's location and password
     * ({@code password-file} or {@code password-env} option, else {@code BACKBENCH_PASSWORD}); the
     * runner closes it (and its storage target) when the run ends.
     *
     * @throws IOException with a message saying what to fix (no such target type, wrong password, ...)
     */
    Repository repository() throws IOException;

    Catalog catalog();

    /** The runner's clock (tests drive it). */
    Clock clock();
}
