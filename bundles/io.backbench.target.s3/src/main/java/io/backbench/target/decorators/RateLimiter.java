package io.backbench.target.decorators;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * A token bucket of bytes per second shared by every stream of one target, with one second of
 * burst. Thread-safe: a thread that takes more than there is sleeps (outside the lock) until its
 * share has accrued.
 */
final class RateLimiter {
    private final long bytesPerSecond;
    private double available;
    private long lastNanos;

    RateLimiter(long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("the rate must be positive, got " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.available = bytesPerSecond;
        this.lastNanos = System.nanoTime();
    }

    long bytesPerSecond() {
        return bytesPerSecond;
    }

    /** Takes {@code bytes}, waiting as long as the rate demands. */
    void acquire(int bytes) throws IOException {
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            available = Math.min(bytesPerSecond, available + (now - lastNanos) * bytesPerSecond / 1e9);
            lastNanos = now;
            available -= bytes;
            waitNanos = available >= 0 ? 0 : (long) (-available * 1e9 / bytesPerSecond);
        }
        if (waitNanos > 0) {
            try {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the transfer rate limit");
            }
        }
    }
}
