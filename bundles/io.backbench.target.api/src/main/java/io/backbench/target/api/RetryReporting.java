package io.backbench.target.api;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Optional for a {@link StorageTarget}: one that repeats failed calls (a retrying decorator) says
 * so, one line per retry, to whoever asks, e.g. a job run that writes them into its log, so that an
 * administrator sees throttling and dropped connections even when the run succeeds. Callers check
 * with {@code instanceof}; the target answers for the retries of every thread that uses it.
 */
@ConsumerType
public interface RetryReporting {

    /**
     * From now on, calls {@code log} with one line per retry, such as {@code retrying put data/3f/3f9a
     * on s3:http://host/bucket in 840 ms (attempt 1 failed: ... HTTP 503 SlowDown ...)}. Called on the
     * retrying thread, just before it waits: {@code log} must be quick and thread-safe.
     */
    void addRetryLog(Consumer<String> log);

    void removeRetryLog(Consumer<String> log);
}
