package io.backbench.target.disk.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.io.DirectIo;

/**
 * Objects of 1 MiB and more (packs) are written around the page cache, but for a last partial page.
 * Large range reads (a restore's pack ranges) go around the page cache on a file system that allows
 * it, and give the object's bytes from any offset, up to and past its end, on ext4 and on tmpfs.
 * Real mounts; the page cache is asked with fincore.
 */
class DirectReadsTest {
    private static final int MIB = 1 << 20;
    /** Not a multiple of a page: the object ends mid-page. */
    private static final int SIZE = 5 * MIB + 12_345;

    @TempDir
    Path dir;


    /** Offsets and lengths around pages, the 1 MiB pieces and the end, each read as a restore reads a range. */
    private static void assertRangesEqual(StorageTarget t, String key, byte[] data) throws Exception {
        long[] offsets = {0, 1, 4095, 4096, MIB - 1, MIB, 3L * MIB + 7, SIZE - MIB - 1, SIZE - MIB};
        int[] lengths = {MIB, MIB + 1, 2 * MIB + 4097, 3 * MIB};
        for (long off : offsets) {
            for (int len : lengths) {
                int expected = (int) Math.min(len, SIZE - off);
                byte[] got = new byte[len];
                int n;
                try (InputStream in = t.get(key, off, len)) {
                    n = in.readNBytes(got, 0, len);
                    assertEquals(-1, in.read(), "nothing after the range");
                }
                assertEquals(expected, n, "bytes from " + off + " for " + len);
                assertArrayEquals(Arrays.copyOfRange(data, (int) off, (int) off + expected), Arrays.copyOf(got, n),
                        "bytes from " + off + " for " + len);
            }
        }
    }

    /** The bytes of {@code file} in the page cache, by fincore (util-linux). */
    private static long cached(Path file) {
        try {
            Process p = new ProcessBuilder("fincore", "--bytes", "--noheadings", "--output", "RES", file.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                fail("fincore failed: " + out);
            }
            return Long.parseLong(out);
        } catch (Exception e) {
            throw new AssertionError("cannot run fincore (util-linux): " + e, e);
        }
    }

    /** Writes back and drops the file's cached pages (dd's documented way: nocache with count=0). */
    private static void dropCache(Path file) {
        String out = TestMount.run("sync", file.toString());
        if (out == null) {
            out = TestMount.run("dd", "if=" + file, "iflag=nocache", "count=0", "status=none");
        }
        if (out != null) {
            fail("cannot drop the page cache of " + file + ": " + out);
        }
        assertEquals(0, cached(file), "the test's starting point: nothing of " + file + " cached");
    }

    @Test
    void onExt4PacksAreWrittenAndLargeRangesReadAroundThePageCacheWithTheObjectsBytes() throws Exception {
        try (TestMount fs = TestMount.ext4(dir.resolve("ext4"), 64); StorageTarget t = fs.target("repo")) {
            byte[] data = TestMount.bytes(1, SIZE);
            t.put("data/ab/pack", data);
            Path file = fs.dir.resolve("repo/data/ab/pack");
            assertTrue(cached(file) <= 4096, "written around the cache but for (at most) the last, partial page: " + cached(file));
            byte[] whole = TestMount.bytes(3, 2 * MIB + 8192);
            t.put("data/ab/pages", whole);
            assertEquals(0, cached(fs.dir.resolve("repo/data/ab/pages")), "whole pages: all around the cache");
            t.put("data/ab/small", Arrays.copyOf(whole, MIB - 1));
            assertTrue(cached(fs.dir.resolve("repo/data/ab/small")) > 0, "below 1 MiB (an index, a snapshot): through the cache");
            try (InputStream in = t.get("data/ab/pages")) {
                assertArrayEquals(whole, in.readAllBytes());
            }
            try (FileChannel direct = DirectIo.open(file, StandardOpenOption.READ)) {
                assertNotNull(direct, "ext4 allows O_DIRECT");
            }
            dropCache(file);
            assertRangesEqual(t, "data/ab/pack", data);
            assertEquals(0, cached(file), "ranges of 1 MiB and more left nothing in the page cache");

            try (InputStream in = t.get("data/ab/pack", 100, 4000)) {
                assertArrayEquals(Arrays.copyOfRange(data, 100, 4100), in.readAllBytes());
            }
            assertTrue(cached(file) > 0, "a small read (a pack header, an index) goes through the cache");
        }
    }

    @Test
    void onTmpfsTheSameRangesComeBack() throws Exception {
        // tmpfs refused O_DIRECT before Linux 6.6 and takes it since (as a cached read): either way, the bytes
        try (TestMount fs = TestMount.tmpfs(dir.resolve("tmpfs"), "size=16m"); StorageTarget t = fs.target("repo")) {
            byte[] data = TestMount.bytes(2, SIZE);
            t.put("data/cd/pack", data);
            assertRangesEqual(t, "data/cd/pack", data);
        }
    }
}
