package io.backbench.target.tck;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import io.backbench.target.api.ObjectInfo;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;

/** Test data and small readers shared by the checks. */
final class Data {
    static final int MIB = 1024 * 1024;

    private Data() {
    }

    /** {@code length} pseudo-random bytes, the same for the same seed. */
    static byte[] bytes(long seed, int length) {
        byte[] b = new byte[length];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    /** A stream of {@code length} pseudo-random bytes made as they are read, never held whole. */
    static InputStream generated(long seed, long length) {
        return new GeneratedStream(seed, length);
    }

    static byte[] get(StorageTarget target, String key) throws TargetException {
        return readAll(target.get(key));
    }

    static byte[] get(StorageTarget target, String key, long offset, long length) throws TargetException {
        return readAll(target.get(key, offset, length));
    }

    static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading an object's stream failed", e);
        }
    }

    static String sha256(InputStream in) {
        try (in) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) >= 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("reading an object's stream failed", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything listed under {@code prefix}, key to size; fails if a key is reported twice. */
    static Map<String, Long> list(StorageTarget target, String prefix) throws TargetException {
        Map<String, Long> found = new TreeMap<>();
        target.list(prefix, info -> {
            Long before = found.put(info.key(), info.size());
            assertNull(before, () -> "list(\"" + prefix + "\") reported '" + info.key() + "' twice");
        });
        return found;
    }

    static Map<String, Long> sizes(Map<String, byte[]> objects) {
        Map<String, Long> sizes = new TreeMap<>();
        objects.forEach((k, v) -> sizes.put(k, (long) v.length));
        return sizes;
    }

    static ObjectInfo statOrNull(StorageTarget target, String key) throws TargetException {
        return target.stat(key).orElse(null);
    }

    private static final class GeneratedStream extends InputStream {
        private final SplittableRandom random;
        private long remaining;

        GeneratedStream(long seed, long length) {
            this.random = new SplittableRandom(seed);
            this.remaining = length;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return random.nextInt(256);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) random.nextInt(256);
            }
            remaining -= n;
            return n;
        }
    }
}
