package io.backbench.backup.internal.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a file the walk saw as regular: its content, and an error (never a wait) for anything it
 * has become since. The build runs tests with the product's {@code --add-opens}.
 */
class RegularFilesTest {
    @TempDir
    Path tmp;

    private static Path mkfifo(Path p) throws Exception {
        assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor());
        return p;
    }

    @Test
    void readsARegularFile() throws Exception {
        assertTrue(RegularFiles.available(), "tests run with the product's --add-opens: " + RegularFiles.unavailableReason());
        byte[] content = "twelve bytes".getBytes();
        Path f = Files.write(tmp.resolve("f"), content);
        try (FileChannel ch = RegularFiles.open(f)) {
            assertEquals(content.length, ch.size());
            ByteBuffer b = ByteBuffer.allocate(64);
            assertEquals(content.length, ch.read(b));
            assertArrayEquals(content, java.util.Arrays.copyOf(b.array(), b.position()));
        }
    }

    @Test
    void aNamedPipeIsAnErrorAtOnceNotAWaitForAWriter() throws Exception {
        Path fifo = mkfifo(tmp.resolve("was a file"));
        IOException e;
        try {
            e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(IOException.class, () -> RegularFiles.open(fifo)));
        } catch (AssertionError waited) {
            // the defect this guards against: let the reader left waiting go, with a writer
            new ProcessBuilder("timeout", "5", "sh", "-c", ": > \"$1\"", "_", fifo.toString()).start().waitFor();
            throw waited;
        }
        assertTrue(e.getMessage().contains(fifo.toString()) && e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void aSymlinkAFolderAndAMissingFileAreErrorsAsTheJdksOwn() throws Exception {
        Path target = Files.write(tmp.resolve("target"), new byte[3]);
        Path link = Files.createSymbolicLink(tmp.resolve("link"), target);
        FileSystemException viaLink = assertThrows(FileSystemException.class, () -> RegularFiles.open(link));
        assertEquals(link.toString(), viaLink.getFile());
        IOException dir = assertThrows(IOException.class, () -> RegularFiles.open(tmp));
        assertTrue(dir.getMessage().contains("not a regular file"), dir.getMessage());
        assertThrows(NoSuchFileException.class, () -> RegularFiles.open(tmp.resolve("missing")));
    }

    @Test
    void everyDescriptorIsClosedWithItsChannelOrOnAnError() throws Exception {
        Path f = Files.write(tmp.resolve("f"), new byte[100]);
        long before = openDescriptors();
        for (int i = 0; i < 2000; i++) {
            try (FileChannel ch = RegularFiles.open(f)) {
                ch.read(ByteBuffer.allocate(10));
            }
            assertThrows(IOException.class, () -> RegularFiles.open(tmp));
        }
        assertTrue(openDescriptors() < before + 20, "descriptors left open: " + (openDescriptors() - before));
    }

    private static long openDescriptors() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }
}
