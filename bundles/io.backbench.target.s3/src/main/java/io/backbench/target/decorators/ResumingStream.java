package io.backbench.target.decorators;

import java.io.IOException;
import java.io.InputStream;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;

/**
 * An object's stream that, when a read fails (a dropped connection), reopens the object at the
 * position reached and goes on, up to the policy's attempts. Used by one thread.
 */
final class ResumingStream extends InputStream {
    private final Retry retry;
    private final StorageTarget delegate;
    private final String key;
    private final long offset;
    private final long length;
    private InputStream in;
    private long position;
    private int failures;

    ResumingStream(InputStream in, Retry retry, StorageTarget delegate, String key, long offset, long length) {
        this.in = in;
        this.retry = retry;
        this.delegate = delegate;
        this.key = key;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            try {
                int n = in.read(b, off, len);
                if (n > 0) {
                    position += n;
                }
                return n;
            } catch (IOException e) {
                resume(e);
            }
        }
    }

    private void resume(IOException e) throws IOException {
        if (e instanceof TargetException te && !te.isRetryable()) {
            throw e;
        }
        failures++;
        String what = "read " + key + " at byte " + (offset + position);
        if (failures >= retry.policy().maxAttempts()) {
            throw new IOException(what + " on " + delegate.describe() + " failed " + failures + " times; last: "
                    + e.getMessage(), e);
        }
        RetryingTarget.closeQuietly(in);
        retry.pause(delegate.describe(), what, failures, TargetException.transientFailure(e.getMessage(), e));
        long remaining = length < 0 ? -1 : length - position;
        in = retry.call(delegate.describe(), what, () -> delegate.get(key, offset + position, remaining));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
