package io.backbench.jobs.api;

import java.util.concurrent.CancellationException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Given to a running {@link Job}. Thread-safe: a job's pipeline threads may all report.
 * Cheap to call often; listeners are told at most a few times per second.
 */
@ProviderType
public interface ProgressMonitor {

    /** Starts (or restarts) the main task; {@code totalWork < 0} means unknown. */
    void begin(String task, long totalWork);

    /** Adds {@code work} units done (bytes, blocks, files: the job's choice, fixed per task). */
    void worked(long work);

    /** Names what is being done now: a file, a device, a pack. */
    void subTask(String detail);

    /** Records a warning for the run's log, e.g. a file that could not be read; the job goes on. */
    void warn(String message);

    /** Records an informational line for the run's log. */
    void info(String message);

    boolean isCancelled();

    /** Throws {@link CancellationException} if the job was cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
