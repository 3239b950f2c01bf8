package io.backbench.target.disk.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.Capability;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFullException;

/** The disk target on small tmpfs mounts: a really full disk and a really read-only one. */
class DiskTargetOnRealFileSystemsTest {
    @TempDir
    Path dir;


    private static Map<String, Long> list(StorageTarget t) throws TargetException {
        Map<String, Long> found = new TreeMap<>();
        t.list("", info -> found.put(info.key(), info.size()));
        return found;
    }

    private static void assertIntact(StorageTarget t, Map<String, byte[]> objects) throws Exception {
        Map<String, Long> sizes = new TreeMap<>();
        objects.forEach((k, v) -> sizes.put(k, (long) v.length));
        assertEquals(sizes, list(t), "exactly the objects stored before, nothing half-written");
        for (Map.Entry<String, byte[]> e : objects.entrySet()) {
            try (InputStream in = t.get(e.getKey())) {
                assertArrayEquals(e.getValue(), in.readAllBytes(), e.getKey());
            }
        }
    }

    private static void assertFullMessage(TargetFullException e, Path mount) {
        assertFalse(e.isRetryable(), "a full disk is not retryable");
        assertTrue(e.getMessage().contains("is full"), "says the target is full: " + e.getMessage());
        assertTrue(e.getMessage().contains(mount.toString()), "names the path: " + e.getMessage());
        assertTrue(e.getMessage().contains("Free space"), "says what to do: " + e.getMessage());
    }

    @Test
    void aFolderOnALocalFileSystemPromisesListingsAsSoonAsAWriteReturnsANetworkOneDoesNot() throws Exception {
        try (TestMount fs = TestMount.tmpfs(dir.resolve("local"), "size=1m"); StorageTarget t = fs.target("repo")) {
            assertEquals("tmpfs", DiskTarget.fileSystemType(fs.dir));
            assertTrue(t.capabilities().contains(Capability.CONSISTENT_LISTING), t.capabilities().toString());
        }
        for (String network : List.of("nfs", "nfs4", "cifs", "smb3", "fuse.sshfs", "9p", "ceph", "glusterfs", "")) {
            assertFalse(DiskTarget.isLocalFileSystem(network), network);
        }
        assertEquals("", DiskTarget.fileSystemType(dir.resolve("not-there")), "unknown: the lock keeps its wait");
    }

    @Test
    void objectTooBigForTheDiskGivesTargetFullAndKeepsEarlierObjects() throws Exception {
        try (TestMount fs = TestMount.tmpfs(dir.resolve("small"), "size=2m"); StorageTarget t = fs.target("repo")) {
            Map<String, byte[]> objects = new LinkedHashMap<>();
            for (int i = 0; i < 3; i++) {
                objects.put("data/0" + i + "/obj" + i, TestMount.bytes(i, 300 * 1024));
                t.put("data/0" + i + "/obj" + i, objects.get("data/0" + i + "/obj" + i));
            }
            byte[] big = TestMount.bytes(99, 4 * 1024 * 1024);
            TargetFullException e = assertThrows(TargetFullException.class, () -> t.put("data/ff/big", big));
            assertFullMessage(e, fs.dir);
            assertEquals(List.of(), DiskFiles.tempFiles(fs.dir), "the failed put's temp file is gone");
            assertIntact(t, objects);
        }
    }

    @Test
    void fillingTheDiskObjectByObjectEndsInTargetFullWithEveryStoredObjectIntact() throws Exception {
        try (TestMount fs = TestMount.tmpfs(dir.resolve("small"), "size=2m"); StorageTarget t = fs.target("")) {
            Map<String, byte[]> stored = new LinkedHashMap<>();
            TargetFullException full = null;
            for (int i = 0; i < 100 && full == null; i++) {
                String key = "data/" + (i % 5) + "/pack" + i;
                byte[] content = TestMount.bytes(i, 150 * 1024 + i);
                try {
                    t.put(key, content);
                    stored.put(key, content);
                } catch (TargetFullException e) {
                    full = e;
                }
            }
            assertTrue(full != null, "a 2 MiB tmpfs must fill up before 15 MB were written");
            assertFullMessage(full, fs.dir);
            assertTrue(stored.size() >= 5, "several objects fitted before the disk was full");
            assertEquals(List.of(), DiskFiles.tempFiles(fs.dir));
            assertIntact(t, stored);

            String first = stored.keySet().iterator().next();
            t.delete(first);
            stored.remove(first);
            t.put("after/freeing", TestMount.bytes(7, 1000));
            stored.put("after/freeing", TestMount.bytes(7, 1000));
            assertIntact(t, stored);
        }
    }

    @Test
    void readOnlyFileSystemRefusesWritesClearlyButStillReads() throws Exception {
        try (TestMount fs = TestMount.tmpfs(dir.resolve("ro"), "size=2m"); StorageTarget t = fs.target("")) {
            t.put("data/kept", TestMount.bytes(1, 1000));
            fs.remount("ro");
            TargetException put = assertThrows(TargetException.class, () -> t.put("data/new", TestMount.bytes(2, 10)));
            TargetException over = assertThrows(TargetException.class, () -> t.put("data/kept", TestMount.bytes(3, 10)));
            TargetException delete = assertThrows(TargetException.class, () -> t.delete("data/kept"));
            for (TargetException e : List.of(put, over, delete)) {
                assertFalse(e.isRetryable(), "not retryable: " + e.getMessage());
                assertTrue(e.getMessage().contains("read-only"), "says why: " + e.getMessage());
                assertTrue(e.getMessage().contains(fs.dir.toString()), "names the path: " + e.getMessage());
            }
            assertIntact(t, Map.of("data/kept", TestMount.bytes(1, 1000)));
        }
    }

    @Test
    void readOnlyFolderOpensForRestores() throws Exception {
        try (TestMount fs = TestMount.tmpfs(dir.resolve("ro"), "size=1m,ro"); StorageTarget t = fs.target("")) {
            assertEquals(Map.of(), list(t));
            TargetException e = assertThrows(TargetException.class, () -> t.put("x", new byte[] {1}));
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        }
    }
}
