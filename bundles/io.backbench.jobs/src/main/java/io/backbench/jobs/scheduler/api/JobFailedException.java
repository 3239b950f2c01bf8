package io.backbench.jobs.scheduler.api;

import io.backbench.catalog.api.RunMetrics;

/**
 * A job ran to the end and its result is a failure (a restore test found damaged files): the run is
 * recorded as failed with these metrics and this message.
 */
public class JobFailedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient RunMetrics metrics;

    public JobFailedException(String message, RunMetrics metrics) {
        super(message);
        this.metrics = metrics;
    }

    public RunMetrics metrics() {
        return metrics;
    }
}
