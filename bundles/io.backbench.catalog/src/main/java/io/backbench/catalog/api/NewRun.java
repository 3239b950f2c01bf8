package io.backbench.catalog.api;

import java.time.Instant;

/**
 * A run about to start, for {@link Catalog#startRun}.
 *
 * @param jobId   the job definition's id, or null for a run without a saved definition (ad hoc)
 * @param jobName the job's name at the time (kept even if the job is renamed or deleted)
 * @param kind    the job kind
 * @param target  the repository location the run writes to or reads from
 * @param started when it started
 */
public record NewRun(String jobId, String jobName, String kind, String target, Instant started) {
    public NewRun {
        if (jobName == null || kind == null || started == null) {
            throw new IllegalArgumentException("a run needs a job name, a kind and a start time");
        }
        target = target == null ? "" : target;
    }
}
