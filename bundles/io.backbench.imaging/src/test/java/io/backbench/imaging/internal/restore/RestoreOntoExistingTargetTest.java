package io.backbench.imaging.internal.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.imaging.api.DiskImages;
import io.backbench.imaging.api.ImageOptions;
import io.backbench.imaging.api.ImageProgress;
import io.backbench.imaging.api.RestoreOptions;
import io.backbench.imaging.api.UnusedBlocks;
import io.backbench.imaging.internal.image.ImageStore;
import io.backbench.imaging.internal.map.Extents;
import io.backbench.imaging.testing.FsImages;
import io.backbench.imaging.testing.Repos;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.StoredSnapshot;

/**
 * A restore onto an existing file writes each chunk where it belongs whatever the repository lends
 * it in (compressed chunks decompressed into a buffer, incompressible ones straight out of the pack
 * range; a few chunks per load): with --unused zero the target ends up as a restore
 * to a new file, with --unused leave it keeps its own bytes outside the filesystem's used blocks.
 */
class RestoreOntoExistingTargetTest {
    private static final byte PATTERN = (byte) 0xa5;

    @TempDir
    Path tmp;

    @Test
    void unusedZeroMakesTheTargetEqualToARestoreIntoANewFile() throws Exception {
        Path img = FsImages.ext4(tmp, "fs.img");
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            StoredSnapshot s = image(repo, img);
            DiskImages.restore(repo, s, tmp.resolve("new.img"), RestoreOptions.defaults(), ImageProgress.NONE);
            Path target = patterned(tmp.resolve("existing.img"), Files.size(img));
            DiskImages.restore(repo, s, target, RestoreOptions.defaults().withUnused(UnusedBlocks.ZERO).withThreads(3),
                    ImageProgress.NONE);
        }
        assertEquals(-1, Files.mismatch(tmp.resolve("new.img"), tmp.resolve("existing.img")));
    }

    @Test
    void unusedLeaveWritesTheUsedBlocksAndKeepsTheTargetsOtherBytes() throws Exception {
        Path img = FsImages.ext4(tmp, "fs.img");
        Path target = patterned(tmp.resolve("existing.img"), Files.size(img));
        Extents used;
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            StoredSnapshot s = image(repo, img);
            used = ImageStore.load(repo, s).metadata().used();
            DiskImages.restore(repo, s, target, RestoreOptions.defaults().withUnused(UnusedBlocks.LEAVE).withThreads(2),
                    ImageProgress.NONE);
        }
        byte[] source = Files.readAllBytes(img);
        byte[] restored = Files.readAllBytes(target);
        long usedBytes = 0;
        int from = 0;
        for (int i = 0; i < used.count(); i++) {
            int start = (int) used.start(i);
            int end = (int) used.end(i);
            assertTrue(allPattern(restored, from, start), "the unused bytes " + from + ".." + start + " were left alone");
            assertEquals(-1, Arrays.mismatch(source, start, end, restored, start, end), "the used bytes " + start + ".." + end);
            usedBytes += end - start;
            from = end;
        }
        assertTrue(allPattern(restored, from, restored.length), "the unused bytes after " + from + " were left alone");
        // the filesystem's 2 MiB random file (stored uncompressed) and its metadata are in use, most of it is not
        assertTrue(usedBytes > 2 << 20 && usedBytes < restored.length / 2, "used: " + usedBytes);
    }

    /** Images with 256 KiB chunks: about twenty, loaded a few at a time by several loader threads. */
    private static StoredSnapshot image(Repository repo, Path img) throws Exception {
        DiskImages.create(repo, img, ImageOptions.defaults().withChunkSize(256 << 10), ImageProgress.NONE);
        return repo.snapshots().get(0);
    }

    private static Path patterned(Path file, long size) throws Exception {
        byte[] b = new byte[Math.toIntExact(size)];
        Arrays.fill(b, PATTERN);
        return Files.write(file, b);
    }

    private static boolean allPattern(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != PATTERN) {
                return false;
            }
        }
        return true;
    }
}
