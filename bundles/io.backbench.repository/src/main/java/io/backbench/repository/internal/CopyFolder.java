package io.backbench.repository.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.backbench.repository.api.Id;

/**
 * One repository's folder of copies on this machine ({@code <cache>/<kind>/<repository id>/}), one file
 * per repository object, named by the object's id. The objects never change (their names are
 * hashes of their bytes), so a copy is right for as long as the repository has the object. Only a
 * cache: a copy that cannot be read or written is no error, and several processes may share the
 * folder (copies are written to a temporary file and moved into place). Thread-safe.
 */
final class CopyFolder {
    /** A repository's folder that no open has used for this long is deleted (restic's cache keeps its folders as long). */
    static final int UNUSED_DAYS = 30;

    private final Path dir;

    CopyFolder(Path dir) {
        this.dir = dir;
    }

    /** The copy named {@code name}, whole; null when there is none or it cannot be read. */
    byte[] read(String name) {
        try {
            return Files.readAllBytes(dir.resolve(name));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    boolean has(String name) {
        return Files.isRegularFile(dir.resolve(name));
    }

    /** Keeps {@code bytes} as the copy {@code name}; a copy that cannot be written is left out. */
    void write(String name, byte[] bytes) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, name, ".tmp"); // owner-only, like the other caches
            try {
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    os.write(bytes);
                }
                try {
                    Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // only a cache: the next run reads the object from the repository
        }
    }

    /**
     * Deletes the copies other than {@code keep} (names): objects the repository no longer has. Left-over
     * temporary files of a process that was killed while writing one go too, once they are an hour old.
     * Marks this repository's folder as used now, and deletes the folders of other repositories beside
     * it that no open has used for {@link #UNUSED_DAYS} days.
     */
    void retain(Set<String> keep) {
        sweepOtherRepositories();
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                boolean copy = name.length() == 2 * Id.SIZE && !name.contains(".");
                try {
                    if (copy ? !keep.contains(name)
                            : name.endsWith(".tmp") && Files.getLastModifiedTime(p).toMillis() < hourAgo) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // another process's, or gone already
                }
            }
        } catch (NoSuchFileException e) {
            // no copies yet
        } catch (IOException | RuntimeException e) {
            // only a cache
        }
    }

    private void sweepOtherRepositories() {
        Path parent = dir.getParent();
        if (parent == null || !Files.isDirectory(dir)) {
            return;
        }
        FileTime now = FileTime.fromMillis(System.currentTimeMillis());
        long cutoff = now.toMillis() - UNUSED_DAYS * 86_400_000L;
        try {
            Files.setLastModifiedTime(dir, now);
        } catch (IOException e) {
            return; // not ours to keep: leave the others alone too
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent)) {
            for (Path other : ds) {
                String name = other.getFileName().toString();
                if (other.equals(dir) || !name.matches("[0-9a-f]{64}") || !Files.isDirectory(other)) {
                    continue;
                }
                try {
                    if (Files.getLastModifiedTime(other).toMillis() < cutoff) {
                        deleteFolder(other);
                    }
                } catch (IOException e) {
                    // another process's, or gone already
                }
            }
        } catch (IOException | RuntimeException e) {
            // only a cache
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                Files.deleteIfExists(p); // copies and temporary files only: no subfolders
            }
        }
        Files.deleteIfExists(folder);
    }

    /** The copies and temporary files in the folder (for tests). */
    List<String> names() throws IOException {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(p -> out.add(p.getFileName().toString()));
        } catch (NoSuchFileException e) {
            return out;
        }
        return out;
    }
}
