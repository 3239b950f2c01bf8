package io.backbench.target.tape.internal;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.backbench.target.api.TargetException;

/**
 * An object's bytes held before they go to tape: a put must read its stream exactly once and write
 * nothing when it is short, but a tape file cut by the end of a medium is written again on the next
 * volume. Small objects stay in memory, larger ones in a file of the catalog folder's spool.
 */
final class Spool implements Closeable {
    static final int IN_MEMORY = 8 << 20;
    private final byte[] bytes;
    private final Path file;
    private final long size;

    private Spool(byte[] bytes, Path file, long size) {
        this.bytes = bytes;
        this.file = file;
        this.size = size;
    }

    static Spool of(byte[] bytes) {
        return new Spool(bytes, null, bytes.length);
    }

    /** Reads exactly {@code length} bytes of {@code data}, or fails leaving nothing behind. */
    static Spool read(String key, InputStream data, long length, Path dir) throws TargetException {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length + " for " + key);
        }
        try {
            if (length <= IN_MEMORY) {
                byte[] b = data.readNBytes((int) length);
                requireAll(key, b.length, length);
                return new Spool(b, null, length);
            }
            Files.createDirectories(dir);
            Path f = Files.createTempFile(dir, "put-", ".spool");
            try (OutputStream out = Files.newOutputStream(f)) {
                long n = copy(data, out, length);
                requireAll(key, n, length);
                return new Spool(null, f, length);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(f);
                throw e;
            }
        } catch (TargetException e) {
            throw e;
        } catch (IOException e) {
            throw TargetException.permanentFailure("reading the data of " + key + " failed: " + e.getMessage()
                    + "; nothing was written", e);
        }
    }

    private static void requireAll(String key, long got, long length) throws TargetException {
        if (got != length) {
            throw TargetException.permanentFailure("the data for " + key + " ended after " + got + " of " + length
                    + " bytes; nothing was written", null);
        }
    }

    private static long copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buf = new byte[256 * 1024];
        long total = 0;
        while (total < length) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, length - total));
            if (n < 0) {
                break;
            }
            out.write(buf, 0, n);
            total += n;
        }
        return total;
    }

    long size() {
        return size;
    }

    InputStream open() throws IOException {
        return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
