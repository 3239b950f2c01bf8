package io.backbench.target.tck;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.backbench.target.api.Capability;
import io.backbench.target.api.ObjectInfo;
import io.backbench.target.api.TargetException;

/** Targets that each break one rule of the contract, for checking that the kit notices. */
final class BrokenTargets {
    private BrokenTargets() {
    }

    /** Silently drops every third put. */
    static final class LosesEveryThirdWrite extends ReferenceTarget {
        private final AtomicInteger puts = new AtomicInteger();

        LosesEveryThirdWrite() {
            super(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.DELETE);
        }

        @Override
        void store(String key, byte[] bytes) throws TargetException {
            if (puts.incrementAndGet() % 3 != 0) {
                super.store(key, bytes);
            }
        }
    }

    /** Forgets the data of a deleted object but keeps listing it. */
    static final class ListsDeletedObjects extends ReferenceTarget {
        private final Map<String, Long> ghosts = new ConcurrentHashMap<>();

        ListsDeletedObjects() {
            super(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.DELETE);
        }

        @Override
        public boolean delete(String key) throws TargetException {
            Optional<ObjectInfo> before = stat(key);
            before.ifPresent(info -> ghosts.put(key, info.size()));
            return super.delete(key);
        }

        @Override
        public void list(String prefix, Consumer<ObjectInfo> consumer) throws TargetException {
            super.list(prefix, consumer);
            ghosts.forEach((key, size) -> {
                if (key.startsWith(prefix) && !objects.containsKey(key)) {
                    consumer.accept(new ObjectInfo(key, size, Instant.EPOCH));
                }
            });
        }
    }

    /** Returns one byte less than asked for on every ranged read. */
    static final class TruncatesRanges extends ReferenceTarget {
        TruncatesRanges() {
            super(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.DELETE);
        }

        @Override
        public InputStream get(String key, long offset, long length) throws TargetException {
            InputStream full = super.get(key, offset, length);
            if (length <= 0) {
                return full;
            }
            byte[] bytes = ReferenceTarget.readExactly(full, Math.max(0, available(full) - 1));
            return new ByteArrayInputStream(bytes);
        }

        private static int available(InputStream in) throws TargetException {
            try {
                return in.available();
            } catch (IOException e) {
                throw TargetException.permanentFailure("cannot happen for a byte array", e);
            }
        }
    }

    /** Publishes what it has read so far while a put runs, and leaves it there when the put fails. */
    static final class ShowsPartialObjects extends ReferenceTarget {
        ShowsPartialObjects() {
            super(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.DELETE);
        }

        @Override
        public void put(String key, InputStream data, long length) throws TargetException {
            io.backbench.target.api.Keys.check(key);
            checkOpen();
            ByteArrayOutputStream sofar = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            try {
                while (sofar.size() < length) {
                    int n = data.read(buf, 0, (int) Math.min(buf.length, length - sofar.size()));
                    if (n < 0) {
                        throw TargetException.permanentFailure("stream ended early", null);
                    }
                    sofar.write(buf, 0, n);
                    objects.put(key, new Stored(sofar.toByteArray(), Instant.now()));
                }
            } catch (IOException e) {
                throw TargetException.permanentFailure("stream failed", e);
            }
        }
    }

    /** Reads the stream to its end, whatever {@code length} says, and stores what it got. */
    static final class IgnoresLength extends ReferenceTarget {
        IgnoresLength() {
            super(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.DELETE);
        }

        @Override
        public void put(String key, InputStream data, long length) throws TargetException {
            io.backbench.target.api.Keys.check(key);
            checkOpen();
            try {
                store(key, data.readAllBytes());
            } catch (IOException e) {
                throw TargetException.permanentFailure("stream failed", e);
            }
        }
    }

    /** Returns an empty stream for a key it does not have. */
    static final class MissingObjectsReadAsEmpty extends ReferenceTarget {
        MissingObjectsReadAsEmpty() {
            super(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.DELETE);
        }

        @Override
        public InputStream get(String key, long offset, long length) throws TargetException {
            return objects.containsKey(key) ? super.get(key, offset, length) : new ByteArrayInputStream(new byte[0]);
        }
    }

    /** Stores under any key, never calling {@code Keys.check}. */
    static final class AcceptsInvalidKeys extends ReferenceTarget {
        AcceptsInvalidKeys() {
            super(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.DELETE);
        }

        @Override
        public void put(String key, InputStream data, long length) throws TargetException {
            checkOpen();
            store(String.valueOf(key), readExactly(data, length));
        }
    }

    /** Declares WRITE_ONCE but replaces objects anyway. */
    static final class OverwritesDespiteWriteOnce extends ReferenceTarget {
        OverwritesDespiteWriteOnce() {
            super(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.WRITE_ONCE);
        }

        @Override
        void store(String key, byte[] bytes) {
            objects.put(key, new Stored(bytes, Instant.now()));
        }
    }

    /** Throws on a second close. */
    static final class ClosesOnlyOnce extends ReferenceTarget {
        private boolean closed;

        ClosesOnlyOnce() {
            super(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.DELETE);
        }

        @Override
        public synchronized void close() {
            if (closed) {
                throw new IllegalStateException("already closed");
            }
            closed = true;
            super.close();
        }
    }

    /** Closes the caller's stream after a put. */
    static final class ClosesTheSourceStream extends ReferenceTarget {
        ClosesTheSourceStream() {
            super(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.DELETE);
        }

        @Override
        public void put(String key, InputStream data, long length) throws TargetException {
            try (data) {
                super.put(key, data, length);
            } catch (IOException e) {
                throw TargetException.permanentFailure("close failed", e);
            }
        }
    }
}
