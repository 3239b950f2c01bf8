package io.backbench.jobs.internal;

import java.time.Duration;

/**
 * How the runner limits and retries.
 *
 * @param maxConcurrent runs at once overall
 * @param retries       extra attempts after a transient (retryable) target error
 * @param backoff       the wait before the first retry; doubled for each further one
 */
record RunnerSettings(int maxConcurrent, int retries, Duration backoff) {
    static final RunnerSettings DEFAULTS = new RunnerSettings(2, 3, Duration.ofSeconds(30));

    RunnerSettings {
        if (maxConcurrent < 1 || maxConcurrent > 64) {
            throw new IllegalArgumentException("maxConcurrent must be 1 to 64, not " + maxConcurrent
                    + " (configuration io.backbench.jobs.runner)");
        }
        if (retries < 0 || retries > 20) {
            throw new IllegalArgumentException("retries must be 0 to 20, not " + retries + " (configuration io.backbench.jobs.runner)");
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative");
        }
    }
}
