package io.backbench.target.disk.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.Capability;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;

/** What the disk target does on the disk, beyond the contract. */
class DiskTargetTest {
    @TempDir
    Path root;
    StorageTarget target;

    @BeforeEach
    void open() throws Exception {
        target = new DiskTargetFactory().open(TargetSettings.of("path", root.toString()));
    }

    @AfterEach
    void close() throws Exception {
        target.close();
    }

    private Map<String, Long> list(String prefix) throws TargetException {
        Map<String, Long> found = new TreeMap<>();
        target.list(prefix, info -> found.put(info.key(), info.size()));
        return found;
    }

    private static InputStream failingAfter(int bytes) {
        return new FilterInputStream(new ByteArrayInputStream(new byte[bytes])) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    throw new IOException("source broke");
                }
                return n;
            }
        };
    }

    @Test
    void declaresPersistentRandomConcurrentDeleteAndOnALocalFileSystemConsistentListing() {
        String type = DiskTarget.fileSystemType(root);
        Set<Capability> expected = EnumSet.of(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.DELETE,
                Capability.PERSISTENT);
        if (DiskTarget.isLocalFileSystem(type)) {
            expected.add(Capability.CONSISTENT_LISTING);
        }
        assertEquals(expected, target.capabilities(), "a folder on " + type);
        assertEquals("disk:" + root, target.describe());
    }

    @Test
    void keysMapToNestedFilesUnderTheFolder() throws Exception {
        target.put("data/3f/3f9a", new byte[] {1, 2, 3});
        target.put("config", new byte[] {9});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(root.resolve("data/3f/3f9a")));
        assertArrayEquals(new byte[] {9}, Files.readAllBytes(root.resolve("config")));
    }

    @Test
    void noTempFileRemainsAfterFailedPuts() throws Exception {
        target.put("data/kept", new byte[] {1});
        assertThrows(TargetException.class, () -> target.put("data/short", new ByteArrayInputStream(new byte[10]), 11));
        assertThrows(TargetException.class, () -> target.put("data/broken", failingAfter(300_000), 500_000));
        assertThrows(TargetException.class, () -> target.put("data/kept", failingAfter(10), 20));
        assertThrows(TargetException.class, () -> target.put("fresh/folder/broken", failingAfter(10), 20));
        assertEquals(List.of(), DiskFiles.tempFiles(root));
        assertEquals(Map.of("data/kept", 1L), list(""));
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(root.resolve("data/kept")));
    }

    @Test
    void sourceFailureSaysNothingWasStoredAndIsNotBlamedOnTheDisk() {
        TargetException e = assertThrows(TargetException.class, () -> target.put("x", failingAfter(5), 10));
        assertTrue(e.getMessage().contains("nothing was stored"), e.getMessage());
        assertTrue(e.getMessage().contains("source broke"), e.getMessage());
        assertFalse(e.isRetryable());
    }

    @Test
    void leftoverTempFilesFromACrashAreNeverListed() throws Exception {
        target.put("data/ab/real", new byte[] {1});
        Files.write(root.resolve(".tmp-crashed"), new byte[100]);
        Files.write(root.resolve("data/ab/.tmp-0123456789abcdef"), new byte[50]);
        Files.createDirectories(root.resolve(".tmp-folder"));
        Files.write(root.resolve(".tmp-folder/inside"), new byte[5]);
        assertEquals(Map.of("data/ab/real", 1L), list(""));
        assertEquals(Map.of("data/ab/real", 1L), list("data/ab/"));
    }

    @Test
    void foreignEntriesThatAreNotValidKeysAreNotListed() throws Exception {
        target.put("ok", new byte[] {1});
        Files.createDirectories(root.resolve("lost+found"));
        Files.write(root.resolve("lost+found/#1234"), new byte[3]);
        Files.write(root.resolve("has space"), new byte[3]);
        Files.createSymbolicLink(root.resolve("link"), root.resolve("ok"));
        assertEquals(Map.of("ok", 1L), list(""));
        assertTrue(target.stat("link").isEmpty(), "a symbolic link is not an object");
    }

    @Test
    void keyBelowAnotherObjectFailsClearlyAndKeepsTheObject() throws Exception {
        target.put("a", new byte[] {1});
        TargetException e = assertThrows(TargetException.class, () -> target.put("a/b", new byte[] {2}));
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains(root.resolve("a").toString()), "names the path: " + e.getMessage());
        assertTrue(e.getMessage().contains("is a file"), e.getMessage());
        assertArrayEquals(new byte[] {1}, target.get("a").readAllBytes());
        assertEquals(List.of(), DiskFiles.tempFiles(root));
    }

    @Test
    void objectWhereAFolderOfObjectsIsFailsClearlyAndKeepsThem() throws Exception {
        target.put("a/b", new byte[] {2});
        TargetException e = assertThrows(TargetException.class, () -> target.put("a", new byte[] {1}));
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains(root.resolve("a").toString()), "names the path: " + e.getMessage());
        assertTrue(e.getMessage().contains("folder"), e.getMessage());
        assertArrayEquals(new byte[] {2}, target.get("a/b").readAllBytes());
        assertEquals(List.of(), DiskFiles.tempFiles(root));
    }

    @Test
    void twoTargetsOnTheSameFolderSeeEachOthersObjects() throws Exception {
        try (StorageTarget other = new DiskTargetFactory().open(TargetSettings.of("path", root.toString()))) {
            target.put("shared/one", new byte[] {1});
            assertArrayEquals(new byte[] {1}, other.get("shared/one").readAllBytes());
            assertTrue(other.delete("shared/one"));
            assertTrue(target.stat("shared/one").isEmpty());
        }
    }

    @Test
    void readerOfAnObjectKeepsTheWholeOldContentWhenItIsReplaced() throws Exception {
        byte[] old = new byte[300_000];
        java.util.Arrays.fill(old, (byte) 'o');
        target.put("swap", old);
        try (InputStream in = target.get("swap")) {
            byte[] start = in.readNBytes(1000);
            target.put("swap", new byte[] {'n'});
            byte[] rest = in.readAllBytes();
            assertEquals(old.length, start.length + rest.length, "the reader still sees the old object whole");
        }
        assertArrayEquals(new byte[] {'n'}, target.get("swap").readAllBytes());
    }

    @Test
    void missingTargetFolderGivesAClearError() throws Exception {
        Path gone = root.resolve("gone");
        try (StorageTarget t = new DiskTargetFactory().open(TargetSettings.of("path", gone.toString()))) {
            Files.delete(gone);
            TargetException e = assertThrows(TargetException.class, () -> t.put("x", new byte[] {1}));
            assertTrue(e.getMessage().contains(gone.toString()), e.getMessage());
            assertFalse(e.isRetryable());
        }
    }
}
