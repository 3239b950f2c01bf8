package io.backbench.jobs.scheduler.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Fires enabled job definitions when their {@link Schedule} says, through the {@link JobRunner}.
 * Runs in the workbench and headless modes (not for a CLI call). An occurrence missed while
 * Backbench was not running runs once at the next start, however many were missed; an occurrence
 * that comes while the job's previous run is still queued or running is skipped. Also checks every
 * job's RPO and tells the notifiers when one is breached. Thread-safe.
 */
@ProviderType
public interface Scheduler {

    /** When a job fires next, if it is enabled and scheduled. */
    Optional<Instant> nextRun(String jobId);

    /** Every scheduled, enabled job with its next time, soonest first. */
    List<Upcoming> upcoming();

    /** Looks at the schedules now (after a job was edited) instead of at the next periodic check. */
    void check();

    /** A job and when it fires next. */
    record Upcoming(String jobId, String jobName, Instant next) {
    }
}
