package io.backbench.catalog.api;

import java.time.Duration;
import java.time.Instant;

/**
 * One job against its RPO, for the Dashboard's RPO panel and for alerts.
 *
 * @param jobId        the job
 * @param jobName      its name
 * @param rpo          its objective, or null
 * @param lastGood     when its last good run ended, or null if none
 * @param age          now minus lastGood, or null
 * @param lastStatus   the status of its latest run, or null if it never ran
 * @param state        green, amber, red or none
 */
public record RpoStatus(String jobId, String jobName, Duration rpo, Instant lastGood, Duration age, RunStatus lastStatus,
        RpoState state) {
}
