package io.backbench.target.disk.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;

import io.backbench.target.api.Keys;
import io.backbench.target.api.ObjectInfo;

/**
 * Lists the objects under a folder whose keys start with a string prefix, on the calling thread.
 * Only regular files whose path is a valid key are objects: temporary files ({@code .tmp*}), symbolic
 * links and foreign entries such as {@code lost+found} are never reported.
 */
final class DiskLister {
    private DiskLister() {
    }

    static void list(Path root, String prefix, Consumer<ObjectInfo> consumer) throws IOException {
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        if (!Files.isDirectory(start)) {
            return;
        }
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(start)) {
                    return FileVisitResult.CONTINUE;
                }
                String folderKey = key(root, dir) + "/";
                boolean mayMatch = folderKey.startsWith(prefix) || prefix.startsWith(folderKey);
                return mayMatch && isValidSegment(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && isValidSegment(file)) {
                    String key = key(root, file);
                    if (key.startsWith(prefix)) {
                        consumer.accept(new ObjectInfo(key, attrs.size(), attrs.lastModifiedTime().toInstant()));
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // deleted while we were listing
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static String key(Path root, Path path) {
        return root.relativize(path).toString();
    }

    /** A segment that a key may have: excludes temporary files and names a key cannot contain. */
    static boolean isValidSegment(Path path) {
        try {
            Keys.check(path.getFileName().toString());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
