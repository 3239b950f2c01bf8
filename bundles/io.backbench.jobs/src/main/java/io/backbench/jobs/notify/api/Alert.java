package io.backbench.jobs.notify.api;

import java.time.Instant;
import java.util.Locale;

/**
 * Something an administrator must hear about.
 *
 * @param kind    what happened
 * @param time    when
 * @param jobId   the job concerned, or null for an ad-hoc run
 * @param jobName its name
 * @param runId   the run concerned, or 0
 * @param message a sentence for people: what happened and what to do
 */
public record Alert(Kind kind, Instant time, String jobId, String jobName, long runId, String message) {

    public enum Kind {
        JOB_FAILED, RPO_BREACHED, RESTORE_TEST_FAILED;

        /** {@code job_failed}, as JSON payloads name it. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
