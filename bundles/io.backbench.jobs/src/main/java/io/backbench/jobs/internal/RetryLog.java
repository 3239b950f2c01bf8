package io.backbench.jobs.internal;

import java.util.function.Consumer;

import io.backbench.target.api.RetryReporting;
import io.backbench.target.api.StorageTarget;

/**
 * Writes the retries of a job's storage target into the run's event log, so an administrator sees
 * that the S3 server throttled or a connection dropped even when the run succeeded. Targets that
 * retry say so by being {@link RetryReporting} (the retrying decorator is); others log nothing.
 */
final class RetryLog {
    private RetryLog() {
    }

    /** Called on the run's thread; {@code log} is then called on whichever thread retries. */
    static void attach(StorageTarget target, Consumer<String> log) {
        if (target instanceof RetryReporting r) {
            r.addRetryLog(log);
        }
    }
}
