package io.backbench.imaging.internal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.imaging.api.DiskImages;
import io.backbench.imaging.api.ImageOptions;
import io.backbench.imaging.api.ImageProgress;
import io.backbench.imaging.api.ImageResult;
import io.backbench.imaging.api.RestoreOptions;
import io.backbench.imaging.testing.Repos;
import io.backbench.imaging.testing.TestDisks;
import io.backbench.imaging.testing.Tools;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOperations;
import io.backbench.repository.api.RepositoryStats;
import io.backbench.repository.api.StoredSnapshot;

/**
 * --changed-only on real FAT32 and FAT16 filesystems (mkfs.vfat over stale data, files put in by mcopy with
 * their old time stamps kept): a next image reads only the files whose directory entries changed,
 * plus FATs and directories, and equals a full read; restored, it passes fsck.vfat -n and gives
 * back every file.
 */
class FatChangedOnlyTest {
    private static final ImageOptions OPTIONS = ImageOptions.defaults().withChunkSize(256 << 10);
    /** When the files were written: long before any image. */
    private static final String OLD = "2020-01-01T00:00:00Z";
    private static final Map<String, String> UTC = Map.of("TZ", "UTC");

    @TempDir
    Path tmp;

    private Path content(String name, int size, long seed) throws Exception {
        Path f = TestDisks.randomFile(tmp.resolve("content").resolve(name.replace('/', '_')), size, seed);
        Tools.run("touch", "-d", OLD, f.toString());
        return f;
    }

    /** FAT32 with 512-byte clusters (FAT32 needs 65525 of them): ten 1 MiB files in the root, two in a subdirectory, all dated 2020. */
    private Path oldFilesystem() throws Exception {
        return oldFilesystem("-F", "32", "-s", "1");
    }

    private Path oldFilesystem(String... mkfsOptions) throws Exception {
        Path img = TestDisks.stale(tmp.resolve("fat.img"), 64L << 20, 5);
        List<String> mkfs = new java.util.ArrayList<>(List.of("mkfs.vfat", "-n", "OLDFILES"));
        mkfs.addAll(List.of(mkfsOptions));
        mkfs.add(img.toString());
        Tools.run(mkfs.toArray(String[]::new));
        Tools.run("mmd", "-i", img.toString(), "::/docs");
        for (int i = 0; i < 12; i++) {
            String name = i < 10 ? "f" + i + ".bin" : "docs/d" + i + ".bin";
            put(img, content(name, 1 << 20, 50 + i), name, true);
        }
        return img;
    }

    /** mcopy into the image; {@code keepTime} keeps the local file's time (-m) for both of the entry's stamps. */
    private static void put(Path img, Path file, String name, boolean keepTime) throws Exception {
        Tools.Result r = Tools.exec(UTC, keepTime ? new String[] {"mcopy", "-o", "-m", "-i", img.toString(), file.toString(), "::/" + name}
                : new String[] {"mcopy", "-o", "-i", img.toString(), file.toString(), "::/" + name});
        assertEquals(0, r.exit(), r.err());
    }

    private static List<Id> chunks(Repository repo, Id snapshot) throws Exception {
        return ImageStore.load(repo, snapshot(repo, snapshot)).metadata().chunks();
    }

    private static StoredSnapshot snapshot(Repository repo, Id id) throws Exception {
        return repo.snapshots().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aNextImageReadsOnlyChangedFilesAndMetadataAndRestoresToACleanEqualFilesystem() throws Exception {
        nextImageOfChangedFiles(oldFilesystem());
    }

    @Test
    void onFat16TheFixedRootDirectoryIsFollowedToo() throws Exception {
        Path img = oldFilesystem("-F", "16", "-s", "4");
        assertTrue(Tools.run("minfo", "-i", img.toString(), "::").contains("FAT16"), "a FAT16 filesystem");
        nextImageOfChangedFiles(img);
    }

    private void nextImageOfChangedFiles(Path img) throws Exception {
        Map<String, Path> expected = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            String name = i < 10 ? "f" + i + ".bin" : "docs/d" + i + ".bin";
            expected.put(name, tmp.resolve("content").resolve(name.replace('/', '_')));
        }
        Path restored = tmp.resolve("restored.img");
        Set<Long> freed;
        Path oracle = tmp.resolve("oracle.img");
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            ImageResult first = DiskImages.create(repo, img, OPTIONS, ImageProgress.NONE);
            // a few files change as a FAT writer changes them: new data and a new modification time
            Path newer = TestDisks.randomFile(tmp.resolve("f5-new.bin"), 1 << 20, 500);
            freed = new HashSet<>(sectorsOf(img, "f5.bin"));
            put(img, newer, "f5.bin", false);
            expected.put("f5.bin", newer);
            Path added = TestDisks.randomFile(tmp.resolve("added.bin"), 300_000, 7);
            put(img, added, "docs/added.bin", false);
            expected.put("docs/added.bin", added);
            freed.addAll(sectorsOf(img, "f3.bin"));
            Tools.run("mdel", "-i", img.toString(), "::/f3.bin");
            // as the Linux driver writes: new data into the same clusters, and the entry stamped now
            expected.put("f8.bin", rewriteInPlace(img, "f8.bin", 800, Instant.now().getEpochSecond()));
            freed.removeAll(sectorsOf(img, "f5.bin")); // mcopy -o frees the old clusters and may take them again
            freed.removeAll(sectorsOf(img, "docs/added.bin"));
            expected.remove("f3.bin");
            RepositoryStats before = RepositoryOperations.stats(repo, List.of());

            ImageResult changed = DiskImages.create(repo, img, OPTIONS.withChangedOnly(true), ImageProgress.NONE);
            RepositoryStats after = RepositoryOperations.stats(repo, List.of());
            ImageResult full = DiskImages.create(repo, img, OPTIONS, ImageProgress.NONE);

            assertEquals(first.snapshot(), changed.parent());
            assertTrue(changed.warnings().isEmpty(), changed.warnings().toString());
            assertTrue(full.bytesRead() > 11L << 20, "a full read reads every file: " + full.bytesRead());
            assertTrue(changed.bytesRead() < full.bytesRead() / 2, "read " + changed.bytesRead() + " of " + full.bytesRead()
                    + " bytes in use");
            assertTrue(changed.bytesRead() >= (2 << 20) + 300_000, "the changed files were read: " + changed.bytesRead());
            assertTrue(chunks(repo, full.snapshot()).equals(chunks(repo, changed.snapshot())), "the same image as a full read");
            assertEquals(0, full.newChunks(), "the full read found nothing the changed-only image lacked");
            // only changed chunks stored: those of the new data, of f3's freed clusters, of both FATs and the directories
            List<Id> was = chunks(repo, first.snapshot());
            List<Id> now = chunks(repo, changed.snapshot());
            long differing = java.util.stream.IntStream.range(0, now.size()).filter(i -> !now.get(i).equals(was.get(i))).count();
            assertTrue(changed.newChunks() >= 6 && changed.newChunks() <= differing && differing <= now.size() / 8,
                    "stored " + changed.newChunks() + " new chunks; " + differing + " of " + now.size() + " differ");
            long grew = after.uniqueSize() - before.uniqueSize();
            assertTrue(grew <= changed.newChunks() * (256L << 10) + (1 << 20), "the repository grew by " + grew);

            DiskImages.restore(repo, snapshot(repo, changed.snapshot()), restored, RestoreOptions.defaults(), ImageProgress.NONE);
            DiskImages.restore(repo, snapshot(repo, full.snapshot()), oracle, RestoreOptions.defaults(), ImageProgress.NONE);
        }
        assertEquals(-1, Files.mismatch(oracle, restored), "the changed-only image restores as the full one");
        assertEveryWrittenBlockRestored(img, restored, freed);
        Tools.Result fsck = Tools.exec("fsck.vfat", "-n", restored.toString());
        assertEquals(0, fsck.exit(), fsck.out() + fsck.err());
        for (Map.Entry<String, Path> e : expected.entrySet()) {
            Path out = tmp.resolve("readback").resolve(e.getKey().replace('/', '_'));
            Files.createDirectories(out.getParent());
            Tools.run("mcopy", "-n", "-i", restored.toString(), "::/" + e.getKey(), out.toString());
            assertEquals(-1, Files.mismatch(e.getValue(), out), e.getKey() + " reads back as written");
        }
        Tools.Result gone = Tools.exec("mtype", "-i", restored.toString(), "::/f3.bin");
        assertNotEquals(0, gone.exit(), "the deleted file stays deleted");
    }

    @Test
    void aStampHoursBeforeThePreviousImageStillCountsAsChangedForFatTimesHaveNoZone() throws Exception {
        Path img = oldFilesystem();
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            DiskImages.create(repo, img, OPTIONS, ImageProgress.NONE);
            // new data in the same clusters, stamped six hours ago in the writer's zone: in some zone that is after the image
            rewriteInPlace(img, "f7.bin", 700, Instant.now().getEpochSecond() - 6 * 3600);
            ImageResult changed = DiskImages.create(repo, img, OPTIONS.withChangedOnly(true), ImageProgress.NONE);
            ImageResult full = DiskImages.create(repo, img, OPTIONS, ImageProgress.NONE);
            assertTrue(changed.bytesRead() >= 1 << 20, "f7.bin was read: " + changed.bytesRead());
            assertTrue(chunks(repo, full.snapshot()).equals(chunks(repo, changed.snapshot())), "the same image as a full read");
        }
    }

    @Test
    void aDirectoryLoopMakesItReadEverythingAndSaysWhy() throws Exception {
        Path img = oldFilesystem();
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            DiskImages.create(repo, img, OPTIONS, ImageProgress.NONE);
            pointDocsAtTheRoot(img);
            ImageResult changed = DiskImages.create(repo, img, OPTIONS.withChangedOnly(true), ImageProgress.NONE);
            ImageResult full = DiskImages.create(repo, img, OPTIONS, ImageProgress.NONE);
            assertEquals(full.bytesRead(), changed.bytesRead());
            assertTrue(changed.warnings().stream().anyMatch(w -> w.contains("directory tree loops")), changed.warnings().toString());
        }
    }

    /**
     * Overwrites {@code name}'s clusters with new random data and sets its entry's modification time
     * to {@code localEpoch} (written as FAT's zone-less local time), as a driver writing in place
     * does. Returns a file with the new content.
     */
    private Path rewriteInPlace(Path img, String name, long seed, long localEpoch) throws Exception {
        List<Long> sectors = new java.util.ArrayList<>(sectorsOf(img, name));
        java.util.Collections.sort(sectors);
        byte[] data = new byte[1 << 20];
        new java.util.Random(seed).nextBytes(data);
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(localEpoch, 0, java.time.ZoneOffset.UTC);
        int date = (t.getYear() - 1980) << 9 | t.getMonthValue() << 5 | t.getDayOfMonth();
        int time = t.getHour() << 11 | t.getMinute() << 5 | t.getSecond() / 2;
        String shortName = String.format("%-8s%-3s", name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1))
                .toUpperCase(java.util.Locale.ROOT);
        try (FileChannel ch = FileChannel.open(img, java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            for (int i = 0; i < sectors.size(); i++) {
                ch.write(ByteBuffer.wrap(data, i * 512, 512), sectors.get(i));
            }
            ByteBuffer all = ByteBuffer.allocate((int) ch.size());
            ch.read(all, 0);
            int found = 0;
            for (int off = 0; off + 32 <= all.capacity(); off += 32) {
                if (new String(all.array(), off, 11, java.nio.charset.StandardCharsets.US_ASCII).equals(shortName)
                        && all.get(off + 11) == 0x20) {
                    ByteBuffer stamp = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                    stamp.putShort((short) time).putShort((short) date).flip();
                    ch.write(stamp, off + 0x16);
                    found++;
                }
            }
            assertEquals(1, found, "one directory entry " + shortName);
        }
        return Files.write(tmp.resolve(name + ".rewritten"), data);
    }

    /** Damages the tree as a bad write could: the entry of /docs points at the root directory's cluster. */
    private static void pointDocsAtTheRoot(Path img) throws Exception {
        try (FileChannel ch = FileChannel.open(img, java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            ByteBuffer bs = ByteBuffer.allocate(512).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            ch.read(bs, 0);
            int bps = bs.getShort(0x0B) & 0xffff;
            int spc = bs.get(0x0D) & 0xff;
            long rootDir = ((bs.getShort(0x0E) & 0xffff) + (bs.get(0x10) & 0xff) * (long) bs.getInt(0x24)) * bps
                    + (bs.getInt(0x2C) - 2L) * spc * bps;
            ByteBuffer dir = ByteBuffer.allocate(spc * bps).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            ch.read(dir, rootDir);
            for (int off = 0; off < dir.capacity(); off += 32) {
                if (new String(dir.array(), off, 11, java.nio.charset.StandardCharsets.US_ASCII).equals("DOCS       ")) {
                    ByteBuffer entry = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                    int root = bs.getInt(0x2C);
                    entry.putShort((short) (root >>> 16)).putShort((short) root).flip();
                    ch.write(ByteBuffer.wrap(new byte[] {entry.get(0), entry.get(1)}), rootDir + off + 0x14);
                    ch.write(ByteBuffer.wrap(new byte[] {entry.get(2), entry.get(3)}), rootDir + off + 0x1A);
                    return;
                }
            }
        }
        throw new AssertionError("no DOCS entry in the root directory");
    }

    /** The sectors of {@code name}'s clusters as mshowfat lists them ({@code ::/f3.bin <1234-3281>}), by byte offset. */
    private static Set<Long> sectorsOf(Path img, String name) throws Exception {
        String out = Tools.run("mshowfat", "-i", img.toString(), "::/" + name).strip();
        ByteBuffer bs = ByteBuffer.allocate(512).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(img)) {
            ch.read(bs, 0);
        }
        int spc = bs.get(0x0D) & 0xff;
        long fatSectors = bs.getShort(0x16) != 0 ? bs.getShort(0x16) & 0xffff : bs.getInt(0x24);
        long rootSectors = ((bs.getShort(0x11) & 0xffff) * 32L + 511) / 512;
        long dataStart = ((bs.getShort(0x0E) & 0xffff) + (bs.get(0x10) & 0xff) * fatSectors + rootSectors) * 512;
        Set<Long> sectors = new HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(?:-(\\d+))?").matcher(out.substring(out.indexOf('<')));
        while (m.find()) {
            long from = Long.parseLong(m.group(1));
            long to = m.group(2) == null ? from : Long.parseLong(m.group(2));
            for (long c = from; c <= to; c++) {
                for (int i = 0; i < spc; i++) {
                    sectors.add(dataStart + ((c - 2) * spc + i) * 512);
                }
            }
        }
        assertTrue(sectors.size() >= 500, name + " has its clusters: " + out);
        return sectors;
    }

    /**
     * Every sector a tool wrote (no stale mark left) is identical after the restore, but those of a
     * file deleted since, which are free and restore as zeros; stale ones are zero or kept (the
     * tail of a file's last cluster).
     */
    private static void assertEveryWrittenBlockRestored(Path original, Path restored, Set<Long> freed) throws Exception {
        Set<Long> stale = new HashSet<>(TestDisks.staleBlocks(original));
        assertTrue(stale.size() > 50_000, "the filesystem has much stale free space: " + stale.size() + " sectors");
        ByteBuffer zero = ByteBuffer.allocate(TestDisks.BLOCK);
        try (FileChannel a = FileChannel.open(original); FileChannel b = FileChannel.open(restored)) {
            ByteBuffer x = ByteBuffer.allocate(TestDisks.BLOCK);
            ByteBuffer y = ByteBuffer.allocate(TestDisks.BLOCK);
            for (long off = 0; off < a.size(); off += TestDisks.BLOCK) {
                x.clear();
                y.clear();
                a.read(x, off);
                b.read(y, off);
                x.flip();
                y.flip();
                if (freed.contains(off)) {
                    assertEquals(-1, y.mismatch(zero.clear()), "sector at " + off + " of the deleted file is not zero");
                } else if (stale.contains(off)) {
                    assertTrue(y.mismatch(zero.clear()) == -1 || y.mismatch(x) == -1, "stale sector at " + off + " is neither zero nor kept");
                } else {
                    assertEquals(-1, x.mismatch(y), "sector at " + off + " differs after the restore");
                }
            }
        }
    }
}
