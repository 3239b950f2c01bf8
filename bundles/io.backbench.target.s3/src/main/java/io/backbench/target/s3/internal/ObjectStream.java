package io.backbench.target.s3.internal;

import java.io.IOException;
import java.io.InputStream;

import io.backbench.target.api.TargetException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * An object's body as the server sends it, checked against its Content-Length: a connection that
 * ends early is an error (retryable), never a silently short object. Used by one thread.
 */
final class ObjectStream extends InputStream {
    private final ResponseInputStream<?> in;
    private final long expected;
    private final String where;
    private final String key;
    private long read;
    private boolean closed;

    ObjectStream(ResponseInputStream<?> in, Long expected, String where, String key) {
        this.in = in;
        this.expected = expected == null ? -1 : expected;
        this.where = where;
        this.key = key;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            throw TargetException.transientFailure("reading " + key + " from " + where + " failed after " + read
                    + " bytes: " + e.getMessage(), e);
        }
        if (n < 0) {
            if (expected >= 0 && read < expected) {
                throw TargetException.transientFailure("reading " + key + " from " + where + ": the connection ended after "
                        + read + " of " + expected + " bytes", null);
            }
            return -1;
        }
        read += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (expected >= 0 && read < expected) {
            in.abort(); // do not drain the rest of a large object just to reuse the connection
        }
        in.close();
    }
}
