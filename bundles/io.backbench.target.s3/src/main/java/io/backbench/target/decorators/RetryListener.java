package io.backbench.target.decorators;

import java.time.Duration;

import io.backbench.target.api.TargetException;

/**
 * Hears about each retry of a {@link RetryingTarget}, for a run's log. Called on the thread that
 * made the failed call, just before it waits; must be quick and thread-safe.
 */
@FunctionalInterface
public interface RetryListener {

    /** Writes each retry as a WARNING to the {@link System.Logger} named {@code io.backbench.target.retry}. */
    RetryListener SYSTEM_LOGGER = new RetryListener() {
        private final System.Logger log = System.getLogger("io.backbench.target.retry");

        @Override
        public void retrying(String target, String operation, int failedAttempt, Duration delay, TargetException cause) {
            log.log(System.Logger.Level.WARNING, RetryListener.describe(target, operation, failedAttempt, delay, cause));
        }
    };

    /**
     * @param target        the target's {@code describe()}
     * @param operation     what failed, e.g. {@code put data/3f/3f9a...}
     * @param failedAttempt the attempt that failed, 1-based
     * @param delay         how long the caller now waits before the next attempt
     * @param cause         the retryable failure
     */
    void retrying(String target, String operation, int failedAttempt, Duration delay, TargetException cause);

    /**
     * One line for a run's log: {@code retrying put data/3f/3f9a on s3:http://host/bucket (attempt 2
     * of 8, in 1.4 s) after: <the failure>}.
     */
    static String describe(String target, String operation, int failedAttempt, int maxAttempts, Duration delay,
                           TargetException cause) {
        return "retrying " + operation + " on " + target + " (attempt " + (failedAttempt + 1) + " of " + maxAttempts
                + ", in " + String.format(java.util.Locale.ROOT, "%.1f", delay.toMillis() / 1000.0) + " s) after: "
                + cause.getMessage();
    }

    /** One line for a log: {@code retrying put config on s3:... in 840 ms (attempt 1 failed: <message>)}. */
    static String describe(String target, String operation, int failedAttempt, Duration delay, TargetException cause) {
        return "retrying " + operation + " on " + target + " in " + delay.toMillis() + " ms (attempt " + failedAttempt
                + " failed: " + cause.getMessage() + ")";
    }
}
