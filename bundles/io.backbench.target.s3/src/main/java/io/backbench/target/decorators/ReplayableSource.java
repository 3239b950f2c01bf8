package io.backbench.target.decorators;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.backbench.target.api.TargetException;

/** The data of one put, readable once per attempt. Used by one thread. */
abstract class ReplayableSource implements AutoCloseable {

    /** A stream for the next attempt, positioned at the first byte. */
    abstract InputStream open() throws TargetException;

    @Override
    public void close() {
    }

    static ReplayableSource of(String target, String key, InputStream data, long length, long inMemoryUpTo)
            throws TargetException {
        if (data.markSupported() && length < Integer.MAX_VALUE) {
            return new Marked(target, key, data, length);
        }
        if (length <= inMemoryUpTo) {
            return new InMemory(readExactly(target, key, data, length));
        }
        return Spooled.copy(target, key, data, length);
    }

    private static byte[] readExactly(String target, String key, InputStream data, long length) throws TargetException {
        byte[] bytes = new byte[(int) length];
        int done = 0;
        try {
            while (done < bytes.length) {
                int n = data.read(bytes, done, bytes.length - done);
                if (n < 0) {
                    throw shortStream(target, key, done, length);
                }
                done += n;
            }
        } catch (IOException e) {
            throw readFailed(target, key, e);
        }
        return bytes;
    }

    static TargetException shortStream(String target, String key, long got, long length) {
        return TargetException.permanentFailure("put " + key + " on " + target + ": the data ended after " + got
                + " of " + length + " bytes; nothing was stored", null);
    }

    static TargetException readFailed(String target, String key, IOException e) {
        return TargetException.permanentFailure("put " + key + " on " + target + ": reading the data to store failed: "
                + e.getMessage() + "; nothing was stored", e);
    }

    /** The caller's own stream, rewound with mark/reset: no copy. */
    private static final class Marked extends ReplayableSource {
        private final String target;
        private final String key;
        private final InputStream data;
        private boolean used;

        Marked(String target, String key, InputStream data, long length) {
            this.target = target;
            this.key = key;
            this.data = data;
            data.mark((int) Math.min(Integer.MAX_VALUE, length + 1));
        }

        @Override
        InputStream open() throws TargetException {
            if (used) {
                try {
                    data.reset();
                } catch (IOException e) {
                    throw readFailed(target, key, e);
                }
            }
            used = true;
            return data;
        }
    }

    private static final class InMemory extends ReplayableSource {
        private final byte[] bytes;

        InMemory(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }

    /** A temporary file holding a large put's data; deleted on close. */
    private static final class Spooled extends ReplayableSource {
        private final Path file;
        private InputStream current;

        private Spooled(Path file) {
            this.file = file;
        }

        static Spooled copy(String target, String key, InputStream data, long length) throws TargetException {
            Path file;
            try {
                file = Files.createTempFile("backbench-put-", ".spool");
            } catch (IOException e) {
                throw TargetException.permanentFailure("put " + key + " on " + target
                        + ": cannot create a temporary file to retry from: " + e.getMessage(), e);
            }
            Spooled s = new Spooled(file);
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buf = new byte[64 * 1024];
                long done = 0;
                while (done < length) {
                    int n;
                    try {
                        n = data.read(buf, 0, (int) Math.min(buf.length, length - done));
                    } catch (IOException e) {
                        throw readFailed(target, key, e);
                    }
                    if (n < 0) {
                        throw shortStream(target, key, done, length);
                    }
                    out.write(buf, 0, n);
                    done += n;
                }
            } catch (TargetException | RuntimeException e) {
                s.close();
                throw e;
            } catch (IOException e) {
                s.close();
                throw TargetException.permanentFailure("put " + key + " on " + target
                        + ": writing the temporary copy to retry from failed: " + e.getMessage(), e);
            }
            return s;
        }

        @Override
        InputStream open() throws TargetException {
            closeCurrent();
            try {
                current = Files.newInputStream(file);
                return current;
            } catch (IOException e) {
                throw TargetException.permanentFailure("reading the temporary copy " + file + " failed", e);
            }
        }

        private void closeCurrent() {
            if (current != null) {
                RetryingTarget.closeQuietly(current);
                current = null;
            }
        }

        @Override
        public void close() {
            closeCurrent();
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }
}
