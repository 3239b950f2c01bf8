package io.backbench.backup.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.repository.api.NodeType;

/**
 * {@link FsEntry#lstat} reads the JDK's own lstat through its internals (the build runs tests with
 * the same {@code --add-opens} as the product); the public {@code unix:} view is the reference.
 */
class FsEntryTest {
    @TempDir
    Path tmp;

    @Test
    void givesWhatTheAttributeViewGivesForEveryKindOfEntry() throws Exception {
        Path file = Files.write(tmp.resolve("file"), new byte[12345]);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2021-03-04T05:06:07.123456789Z")));
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), Path.of("nowhere/at all"));
        Path fifo = tmp.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        Path hardLink = Files.createLink(tmp.resolve("second name"), file);
        for (Path p : List.of(file, dir, link, fifo, hardLink, tmp, Path.of("/dev/null"))) {
            FsEntry fast = FsEntry.lstat(p);
            assertEquals(FsEntry.viaView(p), fast, p.toString());
        }
        assertEquals(NodeType.SYMLINK, FsEntry.lstat(link).type());
        assertEquals(NodeType.FIFO, FsEntry.lstat(fifo).type());
        assertEquals(NodeType.CHARDEV, FsEntry.lstat(Path.of("/dev/null")).type());
        assertEquals(2, FsEntry.lstat(file).nlink());
        assertEquals(Instant.parse("2021-03-04T05:06:07.123456789Z"), FsEntry.lstat(file).mtime());
    }

    @Test
    void failsAsTheJdkDoes() {
        assertThrows(NoSuchFileException.class, () -> FsEntry.lstat(tmp.resolve("missing")));
        assertThrows(NoSuchFileException.class, () -> FsEntry.viaView(tmp.resolve("missing")));
        Path underFile = tmp.resolve("f").resolve("x");
        Exception e = assertThrows(Exception.class, () -> {
            Files.write(tmp.resolve("f"), new byte[1]);
            FsEntry.lstat(underFile);
        });
        // ENOTDIR: the JDK gives a FileSystemException naming the path, as the view does
        assertEquals(java.nio.file.FileSystemException.class, e.getClass(), e.toString());
        assertEquals(underFile.toString(), ((java.nio.file.FileSystemException) e).getFile());
    }

    @Test
    void usesTheJdksLstatInTheseTests() {
        assertEquals(true, FsEntry.nativeLstat(), "tests run with --add-opens java.base/sun.nio.fs, as the product does");
    }
}
