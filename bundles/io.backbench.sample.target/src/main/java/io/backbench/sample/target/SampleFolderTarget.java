package io.backbench.sample.target;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import io.backbench.target.api.Capability;
import io.backbench.target.api.Keys;
import io.backbench.target.api.ObjectInfo;
import io.backbench.target.api.ObjectNotFoundException;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFullException;

/**
 * Objects as files in one folder. A key's '/' becomes '+' in the file name ('+' never occurs in
 * keys, so the mapping is reversible): {@code data/3f/3f9a} is the file {@code data+3f+3f9a}.
 * A put writes a {@code .tmp-*} file, forces it to disk and renames it over the object, so
 * readers see the old object or the new one, never a part. Thread-safe: no shared mutable state
 * but the closed flag; the file system serialises the renames.
 */
final class SampleFolderTarget implements StorageTarget {
    private static final String TEMP_PREFIX = ".tmp-";
    private static final int MAX_NAME_BYTES = 255;

    private final Path folder;
    private volatile boolean closed;

    SampleFolderTarget(Path folder) {
        this.folder = folder;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.DELETE,
                Capability.PERSISTENT);
    }

    @Override
    public String describe() {
        return "sample:" + folder;
    }

    @Override
    public void put(String key, InputStream data, long length) throws TargetException {
        Path file = fileOf(key);
        checkOpen();
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length + " for " + key);
        }
        Path tmp = folder.resolve(TEMP_PREFIX + UUID.randomUUID());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                copyExactly(data, Channels.newOutputStream(ch), length, key);
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw failure("cannot store " + key, e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    @Override
    public InputStream get(String key, long offset, long length) throws TargetException {
        Path file = fileOf(key);
        checkOpen();
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset + " for " + key);
        }
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
            long size = ch.size();
            long start = Math.min(offset, size);
            long end = length < 0 ? size : Math.min(size, start + length);
            ch.position(start);
            return new LimitedStream(Channels.newInputStream(ch), end - start);
        } catch (NoSuchFileException e) {
            throw new ObjectNotFoundException(describe(), key);
        } catch (IOException e) {
            throw failure("cannot read " + key, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws TargetException {
        Path file = fileOf(key);
        checkOpen();
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new ObjectInfo(key, a.size(), a.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("cannot stat " + key, e);
        }
    }

    @Override
    public void list(String prefix, Consumer<ObjectInfo> consumer) throws TargetException {
        Keys.checkPrefix(prefix);
        checkOpen();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                if (name.startsWith(TEMP_PREFIX)) {
                    continue; // a put in progress (or one a crash left behind)
                }
                String key = name.replace('+', '/');
                if (key.startsWith(prefix)) {
                    stat(key).ifPresent(consumer); // gone meanwhile: not reported
                }
            }
        } catch (IOException e) {
            throw failure("cannot list " + folder, e);
        }
    }

    @Override
    public boolean delete(String key) throws TargetException {
        Path file = fileOf(key);
        checkOpen();
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure("cannot delete " + key, e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private Path fileOf(String key) throws TargetException {
        String name = Keys.check(key).replace('/', '+');
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw TargetException.permanentFailure("key is too long for the sample target (at most "
                    + MAX_NAME_BYTES + " characters): " + key, null);
        }
        return folder.resolve(name);
    }

    private void checkOpen() throws TargetException {
        if (closed) {
            throw TargetException.permanentFailure(describe() + " is closed; open the target again", null);
        }
    }

    private TargetException failure(String what, IOException e) {
        if (e instanceof FileSystemException fse && String.valueOf(fse.getReason()).contains("No space left")) {
            return new TargetFullException(what + ": " + folder + " is full; free space, then run again", e);
        }
        if (e instanceof TargetException te) {
            return te;
        }
        return TargetException.permanentFailure(what + " in " + describe() + ": " + e, e);
    }

    /** Copies exactly {@code length} bytes; fewer is an error (and the caller deletes the temp file). */
    private static void copyExactly(InputStream in, OutputStream out, long length, String key) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw TargetException.permanentFailure("the data for " + key + " ended after " + (length - left)
                        + " of " + length + " bytes; nothing was stored", null);
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover .tmp- file is invisible to readers and harmless
        }
    }

    /** Stops after {@code remaining} bytes; closing it closes the file. */
    private static final class LimitedStream extends InputStream {
        private final InputStream in;
        private long remaining;

        LimitedStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return len == 0 ? 0 : -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
