package io.backbench.target.decorators;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads no faster than its {@link RateLimiter} allows; passes mark/reset and close through. */
final class ThrottledStream extends FilterInputStream {
    private static final int SLICE = 16 * 1024;
    private final RateLimiter limiter;

    ThrottledStream(InputStream in, RateLimiter limiter) {
        super(in);
        this.limiter = limiter;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            limiter.acquire(1);
        }
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, Math.min(len, SLICE));
        if (n > 0) {
            limiter.acquire(n);
        }
        return n;
    }
}
