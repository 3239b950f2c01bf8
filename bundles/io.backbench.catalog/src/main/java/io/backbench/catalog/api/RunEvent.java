package io.backbench.catalog.api;

import java.time.Instant;

/** One line of a run's event log. */
public record RunEvent(long runId, Instant time, EventLevel level, String message) {
}
