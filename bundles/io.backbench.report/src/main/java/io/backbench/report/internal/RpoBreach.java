package io.backbench.report.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * A period in which a job's last good backup was older than its RPO, cut to the report's period.
 *
 * @param job             the job's name
 * @param from            when the breach began, or the period's start if it began earlier
 * @param to              when a good backup ended it, or the period's end if it went on
 * @param beganBefore     whether it began before the period (it spans the start of the month)
 * @param continuesAfter  whether it was still going at the period's end
 */
public record RpoBreach(String job, Instant from, Instant to, boolean beganBefore, boolean continuesAfter) {

    public Duration duration() {
        return Duration.between(from, to);
    }
}
