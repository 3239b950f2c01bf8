package io.backbench.target.disk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

import io.backbench.target.api.TargetException;
import io.backbench.target.api.io.DirectIo;

/**
 * Writes one object so that it is never seen half-written: into a temporary file named
 * {@code .tmp-<random>} beside the final one, fsync the file, rename it over the final name
 * ({@code ATOMIC_MOVE}, one rename(2)), fsync the folder. A failure deletes the temporary file.
 * Runs on the calling thread; concurrent writers each have their own temporary file and the last
 * rename wins.
 */
final class AtomicWriter {
    static final String TEMP_PREFIX = ".tmp-";
    private static final int BUFFER = 256 * 1024;
    /** Objects at least this long (packs) are written around the page cache, in pieces of {@link #DIRECT_PIECE}. */
    static final long DIRECT_MIN = 1 << 20;
    private static final int DIRECT_PIECE = 1 << 20;
    /** The writing threads' piece buffers (a new one for every pack was 5% of what a full backup allocated). */
    private static final ThreadLocal<byte[]> PIECES = ThreadLocal.withInitial(() -> new byte[DIRECT_PIECE]);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String target;
    private final Path root;
    private final boolean fsync;

    AtomicWriter(String target, Path root, boolean fsync) {
        this.target = target;
        this.root = root;
        this.fsync = fsync;
    }

    void write(String key, Path file, InputStream data, long length) throws TargetException {
        Path dir = file.getParent();
        ensureFolders(key, dir);
        byte[] name = new byte[8];
        RANDOM.nextBytes(name);
        Path temp = dir.resolve(TEMP_PREFIX + HexFormat.of().formatHex(name));
        boolean renamed = false;
        try {
            copyToTemp(key, temp, file, data, length);
            move(key, temp, file);
            renamed = true;
            if (fsync) {
                syncFolder(key, dir);
            }
        } finally {
            if (!renamed) {
                deleteQuietly(temp);
            }
        }
    }

    /** Errors name the object's {@code file}, not the temporary name the user never sees. */
    private void copyToTemp(String key, Path temp, Path file, InputStream data, long length) throws TargetException {
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long written = length >= DIRECT_MIN ? copyDirect(key, temp, out, data, length) : 0;
            byte[] buf = new byte[(int) Math.min(BUFFER, Math.max(1, length - written))];
            out.position(written);
            while (written < length) {
                int n = readSource(key, data, buf, (int) Math.min(buf.length, length - written), written, length);
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
                written += n;
            }
            if (fsync) {
                out.force(true);
            }
        } catch (IOException e) {
            throw DiskErrors.translate(target, "writing '" + key + "'", file, e);
        }
    }

    /**
     * Writes the object's whole pages around the page cache (O_DIRECT) where the file system allows
     * it: an object this large is a pack, written once and read again only by a restore or a check,
     * and through the cache its bytes cost a copy, page allocation and, with fsync, the same writes to
     * the disk anyway (a full backup of the bench corpus spent 8% of its CPU copying packs into the
     * cache). Returns how many bytes were written this way (a multiple of {@link DirectIo#ALIGN}, up
     * to the last whole page read); the caller writes the rest through {@code out}.
     */
    private long copyDirect(String key, Path temp, FileChannel out, InputStream data, long length)
            throws IOException, TargetException {
        FileChannel direct = DirectIo.open(temp, StandardOpenOption.WRITE);
        if (direct == null) {
            return 0;
        }
        try (direct) {
            byte[] buf = PIECES.get();
            long written = 0;
            while (length - written >= DirectIo.ALIGN) {
                int want = (int) Math.min(buf.length, (length - written) & -DirectIo.ALIGN);
                int n = 0;
                while (n < want) {
                    n += readSource(key, data, buf, want - n, written + n, length, n);
                }
                try {
                    DirectIo.write(direct, written, buf, 0, n);
                } catch (IOException e) {
                    // refused after all (EINVAL and the like): this piece and the rest through the cache
                    out.write(ByteBuffer.wrap(buf, 0, n), written);
                    return written + n;
                }
                written += n;
            }
            return written;
        }
    }

    /** As {@link #readSource(String, InputStream, byte[], int, long, long)}, into {@code buf[at..)}. */
    private int readSource(String key, InputStream data, byte[] buf, int max, long written, long length, int at)
            throws TargetException {
        int n;
        try {
            n = data.read(buf, at, max);
        } catch (IOException e) {
            boolean retryable = e instanceof TargetException te && te.isRetryable();
            throw new TargetException("reading the data for '" + key + "' failed after " + written + " of " + length
                    + " bytes; nothing was stored in " + target + ": " + e.getMessage(), e, retryable);
        }
        if (n < 0) {
            throw TargetException.permanentFailure("the data for '" + key + "' ended after " + written + " of "
                    + length + " bytes; nothing was stored in " + target, null);
        }
        return n;
    }

    /** Reads from the caller's stream; its failures are the caller's, so they are told apart from disk errors. */
    private int readSource(String key, InputStream data, byte[] buf, int max, long written, long length)
            throws TargetException {
        return readSource(key, data, buf, max, written, length, 0);
    }

    private void move(String key, Path temp, Path file) throws TargetException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw DiskErrors.translate(target, "storing '" + key + "'", file, e);
        }
    }

    /** Creates the missing folders from the root down, each made durable in its parent when fsync is on. */
    private void ensureFolders(String key, Path dir) throws TargetException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path d = dir; !d.equals(root) && !Files.isDirectory(d); d = d.getParent()) {
            missing.push(d);
        }
        if (!Files.isDirectory(root)) {
            throw TargetException.permanentFailure(target + ": the target folder " + root
                    + " is gone; restore it or open the target again with create=true", null);
        }
        while (!missing.isEmpty()) {
            Path d = missing.pop();
            try {
                Files.createDirectory(d);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(d)) {
                    throw TargetException.permanentFailure(target + ": cannot store '" + key + "' because " + d
                            + " is a file (another object), not a folder: on a disk target a key cannot continue"
                            + " below another object's key", e);
                }
            } catch (IOException e) {
                throw DiskErrors.translate(target, "creating the folder for '" + key + "'", d, e);
            }
            if (fsync) {
                syncFolder(key, d.getParent());
            }
        }
    }

    /** fsync on a folder makes the names in it (a rename, a new entry) durable. */
    void syncFolder(String key, Path dir) throws TargetException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            throw DiskErrors.translate(target, "syncing the folder of '" + key + "'", dir, e);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The put already failed with the real reason; a leftover temp file is never listed or read.
        }
    }
}
