package io.backbench.target.decorators;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently to repeat a call that failed with a retryable
 * {@link io.backbench.target.api.TargetException}: at most {@code maxAttempts} calls in all, waiting
 * before attempt {@code n+1} a random time between zero and {@code min(maxDelay, initialDelay * 2^(n-1))}
 * ("full jitter", so that many clients throttled at once do not come back in step).
 *
 * @param maxAttempts  calls in all, at least 1 (1 means no retry)
 * @param initialDelay the cap of the first wait
 * @param maxDelay     the cap of any wait
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay, got " + initialDelay + ", " + maxDelay);
        }
    }

    /** 8 attempts, waits capped at 0.5 s, 1 s, 2 s, ... up to 30 s: about two minutes at worst. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    /** A policy with {@code attempts} calls in all and the same waits. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialDelay, maxDelay);
    }

    /** The wait before the call after failed attempt {@code attempt} (1-based), with full jitter. */
    public Duration delayAfter(int attempt) {
        long cap = initialDelay.toMillis();
        for (int i = 1; i < attempt && cap < maxDelay.toMillis(); i++) {
            cap *= 2;
        }
        cap = Math.min(cap, maxDelay.toMillis());
        return Duration.ofMillis(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1));
    }
}
