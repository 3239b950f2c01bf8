package io.backbench.target.decorators;

import java.time.Duration;

import io.backbench.target.api.TargetException;

/** Runs one call under a {@link RetryPolicy}: the loop {@link RetryingTarget} and target factories share. */
public final class Retry {

    /** A call to a target that may fail with a {@link TargetException}. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws TargetException;
    }

    private final RetryPolicy policy;
    private final RetryListener listener;

    public Retry(RetryPolicy policy, RetryListener listener) {
        this.policy = policy;
        this.listener = listener;
    }

    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Calls {@code call} until it succeeds, fails with a non-retryable exception, or the policy's
     * attempts are used up (then the last failure is thrown, its message saying how many attempts
     * were made). Waits on the calling thread; an interrupt while waiting ends with a
     * non-retryable exception and keeps the thread's interrupt flag.
     */
    public <T> T call(String target, String operation, Call<T> call) throws TargetException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (TargetException e) {
                if (!e.isRetryable()) {
                    throw e;
                }
                if (attempt >= policy.maxAttempts()) {
                    throw attempt == 1 ? e : TargetException.transientFailure(
                            operation + " on " + target + " failed " + attempt + " times; last: " + e.getMessage(), e);
                }
                pause(target, operation, attempt, e);
            }
        }
    }

    /** Tells the listener about failed attempt {@code failedAttempt}, then waits the policy's delay. */
    public void pause(String target, String operation, int failedAttempt, TargetException cause) throws TargetException {
        Duration delay = policy.delayAfter(failedAttempt);
        listener.retrying(target, operation, failedAttempt, delay, cause);
        sleep(delay, target, operation, cause);
    }

    private static void sleep(Duration delay, String target, String operation, TargetException cause) throws TargetException {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            TargetException e = TargetException.permanentFailure(
                    "interrupted while waiting to retry " + operation + " on " + target, ie);
            e.addSuppressed(cause);
            throw e;
        }
    }
}
