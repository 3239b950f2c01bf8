package io.backbench.target.tape.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.backbench.target.api.ObjectInfo;
import io.backbench.target.api.ObjectNotFoundException;
import io.backbench.target.api.TargetException;

/**
 * The repository's lock objects ({@code locks/...}), kept as files in the catalog folder and never
 * on tape: a lock lives for one command and is deleted at its end (a tape cannot free the space, and
 * a lock read back from tape after a rebuild would be a stale lock blocking the next job); a restore
 * needs no lock file from the medium. Thread-safe through the file system (atomic renames).
 */
final class LockStore {
    static final String PREFIX = "locks/";
    private final Path root;
    private final String target;

    LockStore(Path catalogFolder, String target) {
        this.root = catalogFolder.resolve("locks");
        this.target = target;
    }

    static boolean isLock(String key) {
        return key.startsWith(PREFIX);
    }

    private Path path(String key) {
        return root.resolve(key.substring(PREFIX.length()));
    }

    void put(String key, Spool data) throws TargetException {
        Path p = path(key);
        try {
            Files.createDirectories(p.getParent());
            Path tmp = Files.createTempFile(p.getParent(), ".tmp-", "");
            try (InputStream in = data.open()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw TargetException.permanentFailure("writing the lock " + key + " to " + p + " failed: " + e, e);
        }
    }

    InputStream get(String key, long offset, long length) throws TargetException {
        try {
            byte[] all = Files.readAllBytes(path(key));
            int from = (int) Math.min(offset, all.length);
            int to = length < 0 ? all.length : (int) Math.min(all.length, from + length);
            return new java.io.ByteArrayInputStream(all, from, to - from);
        } catch (NoSuchFileException e) {
            throw new ObjectNotFoundException(target, key);
        } catch (IOException e) {
            throw TargetException.permanentFailure("reading the lock " + key + " failed: " + e, e);
        }
    }

    Optional<ObjectInfo> stat(String key) throws TargetException {
        try {
            BasicFileAttributes a = Files.readAttributes(path(key), BasicFileAttributes.class);
            return a.isRegularFile() ? Optional.of(new ObjectInfo(key, a.size(), a.lastModifiedTime().toInstant())) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw TargetException.permanentFailure("reading the lock " + key + " failed: " + e, e);
        }
    }

    void list(String prefix, Consumer<ObjectInfo> consumer) throws TargetException {
        if (!Files.isDirectory(root) || !(prefix.startsWith(PREFIX) || PREFIX.startsWith(prefix))) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String key = PREFIX + root.relativize(p).toString();
                if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".tmp") && key.startsWith(prefix)) {
                    stat(key).ifPresent(consumer);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw TargetException.permanentFailure("listing the locks in " + root + " failed: " + e, e);
        }
    }

    /** Whether no lock is held at all (no job of any process is using the repository). */
    boolean isEmpty() throws TargetException {
        boolean[] any = {false};
        list(PREFIX, i -> any[0] = true);
        return !any[0];
    }

    boolean delete(String key) throws TargetException {
        try {
            return Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw TargetException.permanentFailure("deleting the lock " + key + " failed: " + e, e);
        }
    }
}
