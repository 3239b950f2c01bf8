package io.backbench.catalog.api;

import java.time.Duration;
import java.time.Instant;

/** One finished run on the Dashboard's duration trend. */
public record DurationPoint(long runId, String jobId, String jobName, Instant started, Duration duration, RunStatus status,
        long bytesRead) {
}
