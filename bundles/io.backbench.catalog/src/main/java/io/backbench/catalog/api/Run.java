package io.backbench.catalog.api;

import java.time.Duration;
import java.time.Instant;

/**
 * One run of a job as the catalog has it.
 *
 * @param id       unique in the catalog, increasing
 * @param jobId    the job definition's id, or null for an ad-hoc run
 * @param jobName  the job's name when it ran
 * @param kind     the job kind
 * @param target   the repository location
 * @param host     the machine that ran it
 * @param started  when it started
 * @param ended    when it ended, or null while running
 * @param status   where it is
 * @param metrics  what it moved
 * @param error    why it failed, was cancelled or interrupted; "" otherwise
 */
public record Run(long id, String jobId, String jobName, String kind, String target, String host, Instant started,
        Instant ended, RunStatus status, RunMetrics metrics, String error) {

    /** How long it ran, or null while running. */
    public Duration duration() {
        return ended == null ? null : Duration.between(started, ended);
    }
}
