package io.backbench.jobs.api;

import java.time.Instant;
import java.util.List;

/**
 * An immutable snapshot of one job, as listeners and views see it.
 *
 * @param id        unique within the process, increasing
 * @param name      the job's name
 * @param kind      the job's kind
 * @param state     where it is
 * @param task      the current task, or ""
 * @param subTask   the current detail, or ""
 * @param worked    units done
 * @param totalWork units in all, or -1 if unknown
 * @param started   when it started running, or null while waiting
 * @param finished  when it ended, or null
 * @param result    the summary on success, the error message on failure, else ""
 * @param warnings  the warnings so far
 */
public record JobStatus(long id, String name, String kind, JobState state, String task, String subTask,
                        long worked, long totalWork, Instant started, Instant finished, String result,
                        List<String> warnings) {

    public JobStatus {
        warnings = List.copyOf(warnings);
    }

    /** Fraction done in [0, 1], or -1 when the total is unknown. */
    public double fraction() {
        if (totalWork <= 0) {
            return state.isDone() ? 1 : -1;
        }
        return Math.min(1.0, (double) worked / totalWork);
    }
}
