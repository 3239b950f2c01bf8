package io.backbench.target.tck;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Source streams that misbehave on purpose, to check what a target does with a failing put. */
final class Streams {
    /** How long a check waits for the other side before it gives up: a guard against hangs only. */
    static final long WAIT_SECONDS = 120;

    private Streams() {
    }

    /** Gives {@code data}, then throws an {@link IOException} instead of ending. */
    static InputStream failingAfter(byte[] data) {
        return new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c < 0) {
                    throw new IOException("the source stream failed on purpose (conformance kit)");
                }
                return c;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    throw new IOException("the source stream failed on purpose (conformance kit)");
                }
                return n;
            }
        };
    }

    /** Remembers whether it was closed: a put must leave closing to its caller. */
    static final class CloseTracking extends FilterInputStream {
        final AtomicBoolean closed = new AtomicBoolean();

        CloseTracking(byte[] data) {
            super(new ByteArrayInputStream(data));
        }

        @Override
        public void close() throws IOException {
            closed.set(true);
            super.close();
        }
    }

    /**
     * Gives {@code head}, then blocks (on the putting thread) until the test releases it; then either
     * fails or gives {@code tail}. Lets a test look at the target while a put is half done.
     */
    static final class Gated extends InputStream {
        final CountDownLatch headRead = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final InputStream head;
        private final InputStream tail;
        private volatile boolean fail;

        Gated(byte[] head, byte[] tail) {
            this.head = new ByteArrayInputStream(head);
            this.tail = new ByteArrayInputStream(tail);
        }

        void release(boolean thenFail) {
            fail = thenFail;
            released.countDown();
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
            int n = head.read(b, off, len);
            if (n > 0) {
                return n;
            }
            headRead.countDown();
            try {
                if (!released.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IOException("the conformance kit never released the gated stream");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while gated", e);
            }
            if (fail) {
                throw new IOException("the source stream failed on purpose (conformance kit)");
            }
            return tail.read(b, off, len);
        }
    }
}
