package io.backbench.imaging.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.imaging.api.BlockSource;
import io.backbench.imaging.api.BlockSources;
import io.backbench.imaging.api.ByteRange;
import io.backbench.imaging.api.DiskImages;
import io.backbench.imaging.api.ImageOptions;
import io.backbench.imaging.api.ImageProgress;
import io.backbench.imaging.api.ImageResult;
import io.backbench.imaging.api.ImagingException;
import io.backbench.imaging.api.RestoreOptions;
import io.backbench.imaging.api.RestoreResult;
import io.backbench.imaging.api.VerifyReport;
import io.backbench.imaging.testing.LoopDevice;
import io.backbench.imaging.testing.RecordingSource;
import io.backbench.imaging.testing.Repos;
import io.backbench.imaging.testing.TestDisks;
import io.backbench.imaging.testing.Tools;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOperations;
import io.backbench.repository.api.RepositoryStats;
import io.backbench.repository.api.StoredSnapshot;

/**
 * Issue 4's acceptance, on a GPT disk (ext4, FAT32, NTFS) made by the real tools over stale random
 * data: image, restore, read back, check with each filesystem's checker and with restic.
 */
class WholeDiskImageTest {
    @TempDir
    static Path shared;
    static GptDisk disk;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makeDisk() throws IOException {
        disk = GptDisk.make(shared);
    }

    private static ImageResult image(Repository repo, Path file) throws IOException {
        return DiskImages.create(repo, file, ImageOptions.defaults(), ImageProgress.NONE);
    }

    private static StoredSnapshot only(Repository repo) throws IOException {
        List<StoredSnapshot> s = repo.snapshots();
        return s.get(s.size() - 1);
    }

    @Test
    void imagesOnlyUsedBlocksNeitherReadingNorStoringStaleFreeSpace() throws Exception {
        Path repoDir = tmp.resolve("repo");
        RecordingSource src;
        ImageResult r;
        try (Repository repo = Repos.init(repoDir); BlockSource file = BlockSources.open(disk.file)) {
            src = new RecordingSource(file);
            r = DiskImages.create(repo, src, disk.file.toString(), ImageOptions.defaults(), ImageProgress.NONE);
        }
        List<Long> staleRead = new ArrayList<>();
        java.util.NavigableSet<Long> stale = new java.util.TreeSet<>(disk.staleBlocks);
        for (ByteRange read : src.reads()) {
            for (long b : stale.subSet(read.start() - TestDisks.BLOCK + 1, read.end())) {
                if (disk.insidePartition(b)) {
                    staleRead.add(b);
                }
            }
        }
        assertEquals(List.of(), staleRead, "stale free blocks inside partitions were read");
        long metadataReads = src.bytesRead() - r.bytesRead();
        assertTrue(metadataReads >= 0 && metadataReads < 1 << 20, "tables, superblocks and bitmaps: " + metadataReads + " bytes");
        long staleBytes = disk.staleBlocks.size() * (long) TestDisks.BLOCK;
        assertTrue(staleBytes > 80L << 20, "the test disk has " + staleBytes + " stale bytes");
        long stored;
        try (Stream<Path> files = Files.walk(repoDir)) {
            stored = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(stored < staleBytes / 5, "the repository holds " + stored + " bytes; the disk has " + staleBytes + " stale bytes");
        assertTrue(r.bytesRead() < 24L << 20, "read " + r.bytesRead() + " bytes of a 128 MiB disk");
        assertTrue(r.zeroChunks() > 0 && r.complete() && r.warnings().isEmpty(), r.toString());
    }

    @Test
    void restoresEveryUsedBlockExactlySoCheckersPassAndFilesReadBack() throws Exception {
        Path restored = tmp.resolve("restored.img");
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            image(repo, disk.file);
            StoredSnapshot s = only(repo);
            RestoreResult rr = DiskImages.restore(repo, s, restored, RestoreOptions.defaults(), ImageProgress.NONE);
            assertEquals(GptDisk.SIZE, rr.targetSize());
            VerifyReport v = DiskImages.verify(repo, s, ImageProgress.NONE);
            assertTrue(v.ok() && v.blobsChecked() > 0, v.toString());
            VerifyReport t = DiskImages.verifyTarget(repo, s, restored, true, ImageProgress.NONE);
            assertTrue(t.ok(), t.toString());
            assertEquals(3, t.fsChecks().size(), t.toString());
        }
        assertEquals(GptDisk.SIZE, Files.size(restored));
        // independent of our used-block map: every block a tool wrote is identical, every stale block
        // inside a partition restores as zeros
        List<Long> stale = disk.staleBlocks;
        java.util.Set<Long> staleSet = new java.util.HashSet<>(stale);
        try (FileChannel a = FileChannel.open(disk.file); FileChannel b = FileChannel.open(restored)) {
            ByteBuffer x = ByteBuffer.allocate(TestDisks.BLOCK);
            ByteBuffer y = ByteBuffer.allocate(TestDisks.BLOCK);
            for (long off = 0; off < GptDisk.SIZE; off += TestDisks.BLOCK) {
                x.clear();
                y.clear();
                a.read(x, off);
                b.read(y, off);
                if (staleSet.contains(off) && disk.insidePartition(off)) {
                    assertEquals(-1, y.flip().mismatch(ByteBuffer.allocate(TestDisks.BLOCK)), "stale block at " + off + " is not zero");
                } else {
                    assertEquals(-1, x.flip().mismatch(y.flip()), "block at " + off + " differs after the restore");
                }
            }
        }
        disk.checkFilesystemsAndFiles(restored, tmp.resolve("readback"));
    }

    @Test
    void resticRestoresTheSnapshotAsTheRawDiskAndChecksItsData() throws Exception {
        Path repoDir = tmp.resolve("repo");
        Path exported = tmp.resolve("exported.img");
        try (Repository repo = Repos.init(repoDir)) {
            image(repo, disk.file);
            DiskImages.export(repo, only(repo), exported, ImageProgress.NONE);
        }
        Tools.Result check = Repos.restic(repoDir, "check", "--read-data");
        assertEquals(0, check.exit(), check.out() + check.err());
        Tools.Result restore = Repos.restic(repoDir, "restore", "latest", "--target", tmp.resolve("restic").toString());
        assertEquals(0, restore.exit(), restore.out() + restore.err());
        Path raw = tmp.resolve("restic/disk.img");
        assertEquals(GptDisk.SIZE, Files.size(raw));
        assertEquals(-1, Files.mismatch(exported, raw), "restic's restore differs from our export");
        assertTrue(Files.exists(tmp.resolve("restic/" + DiskImages.METADATA_FILE)));
        disk.checkFilesystemsAndFiles(raw, tmp.resolve("readback"));
        long allocated = Long.parseLong(Tools.run("stat", "-c", "%b", exported.toString()).strip()) * 512;
        assertTrue(allocated < 40L << 20, "the export is sparse: " + allocated + " bytes allocated of " + GptDisk.SIZE);
    }

    @Test
    void restoreToALargerFileMovesTheGptBackupToTheEnd() throws Exception {
        Path bigger = Tools.sparseFile(tmp.resolve("bigger.img"), GptDisk.SIZE + (32L << 20));
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            image(repo, disk.file);
            RestoreResult rr = DiskImages.restore(repo, only(repo), bigger, RestoreOptions.defaults(), ImageProgress.NONE);
            assertTrue(rr.gptRelocated(), rr.toString());
            VerifyReport t = DiskImages.verifyTarget(repo, only(repo), bigger, true, ImageProgress.NONE);
            assertTrue(t.ok(), t.toString());
        }
        String v = Tools.run("sgdisk", "-v", bigger.toString());
        assertTrue(v.contains("No problems found"), v);
        assertEquals(disk.parts, TestDisks.partitions(bigger));
        disk.checkFilesystemsAndFiles(bigger, tmp.resolve("readback"));
    }

    @Test
    void restoreToASmallerFileIsRefusedAndWritesNothing() throws Exception {
        Path smaller = Tools.sparseFile(tmp.resolve("smaller.img"), GptDisk.SIZE - (1 << 20));
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            image(repo, disk.file);
            ImagingException e = assertThrows(ImagingException.class,
                    () -> DiskImages.restore(repo, only(repo), smaller, RestoreOptions.defaults(), ImageProgress.NONE));
            assertTrue(e.getMessage().contains("smaller than the image") && e.getMessage().contains("at least " + GptDisk.SIZE),
                    e.getMessage());
        }
        assertEquals(GptDisk.SIZE - (1 << 20), Files.size(smaller));
        assertEquals("0", Tools.run("stat", "-c", "%b", smaller.toString()).strip().replaceAll("^8$", "0"), "nothing was written");
    }

    @Test
    void secondImageAfterChangingAFewFilesStoresOnlyTheChangedChunks() throws Exception {
        Path copy = tmp.resolve("copy.img");
        Files.copy(disk.file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            ImageResult first = image(repo, copy);
            RepositoryStats before = RepositoryOperations.stats(repo, List.of());
            Path changed = TestDisks.randomFile(tmp.resolve("changed.bin"), 50_000, 99);
            try (LoopDevice ext = LoopDevice.attach(copy, disk.parts.get(1).start(), disk.parts.get(1).length(), false)) {
                Tools.run("debugfs", "-w", "-R", "write " + changed + " new.bin", ext.node());
            }
            Tools.run("mcopy", "-o", "-i", copy + "@@" + disk.parts.get(2).start(), changed.toString(), "::/hello.txt");
            ImageResult second = image(repo, copy);
            RepositoryStats after = RepositoryOperations.stats(repo, List.of());
            assertEquals(first.snapshot(), second.parent());
            assertTrue(first.newChunks() > 10, first.toString());
            assertTrue(second.newChunks() >= 2 && second.newChunks() <= 8, "changed chunks stored: " + second);
            long added = after.uniqueSize() - before.uniqueSize();
            // the changed chunks (random data: incompressible) plus the tree, metadata file and index
            long chunk = ImageOptions.DEFAULT_CHUNK_SIZE;
            assertTrue(added <= second.newChunks() * chunk + (1 << 20) && added >= 1 << 20, "the repository grew by " + added
                    + " bytes for " + second.newChunks() + " new chunks of " + chunk);
            assertEquals(first.bytesRead() + 50_000, second.bytesRead(), 200_000, "about the same blocks are read");
            Path restored = tmp.resolve("second.img");
            DiskImages.restore(repo, only(repo), restored, RestoreOptions.defaults(), ImageProgress.NONE);
            try (LoopDevice ext = LoopDevice.attach(restored, disk.parts.get(1).start(), disk.parts.get(1).length(), true)) {
                Path out = tmp.resolve("new.out");
                Tools.run("debugfs", "-R", "dump /new.bin " + out, ext.node());
                assertEquals(-1, Files.mismatch(changed, out));
                Tools.run("e2fsck", "-fn", ext.node());
            }
        }
        assertNotNull(copy);
    }
}
