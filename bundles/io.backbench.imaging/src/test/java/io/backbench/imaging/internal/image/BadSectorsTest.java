package io.backbench.imaging.internal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.imaging.api.BlockSource;
import io.backbench.imaging.api.BlockSources;
import io.backbench.imaging.api.ByteRange;
import io.backbench.imaging.api.DiskImages;
import io.backbench.imaging.api.ImageOptions;
import io.backbench.imaging.api.ImageProgress;
import io.backbench.imaging.api.ImageResult;
import io.backbench.imaging.api.ImageSummary;
import io.backbench.imaging.api.ImagingException;
import io.backbench.imaging.testing.FaultySource;
import io.backbench.imaging.testing.FsImages;
import io.backbench.imaging.testing.Repos;
import io.backbench.repository.api.Repository;

/** Read errors (the one fake: a source that fails reads touching chosen sectors of a real ext4 image). */
class BadSectorsTest {
    @TempDir
    Path tmp;

    @Test
    void aReadErrorFailsTheImageNamingTheFirstBadSectorAndStoresNoSnapshot() throws Exception {
        Path img = FsImages.ext4(tmp, "fs.img");
        long bad = FsImages.blockOffset(img, "/big.bin", 100) + 1024;
        try (Repository repo = Repos.init(tmp.resolve("repo")); BlockSource file = BlockSources.open(img)) {
            BlockSource faulty = new FaultySource(file, List.of(new ByteRange(bad, 1536)));
            ImagingException e = assertThrows(ImagingException.class,
                    () -> DiskImages.create(repo, faulty, img.toString(), ImageOptions.defaults(), ImageProgress.NONE));
            assertTrue(e.getMessage().contains("at byte " + bad + " (sector " + bad / 512 + ")")
                    && e.getMessage().contains("--skip-bad-sectors"), e.getMessage());
            assertEquals(List.of(), repo.snapshots());
        }
    }

    @Test
    void skippingBadSectorsRecordsExactlyTheUnreadableRangesAsZeros() throws Exception {
        Path img = FsImages.ext4(tmp, "fs.img");
        long bad1 = FsImages.blockOffset(img, "/big.bin", 100) + 1024;
        long bad2 = FsImages.blockOffset(img, "/big.bin", 300);
        List<ByteRange> badRanges = List.of(new ByteRange(bad1, 1536), new ByteRange(bad2, 512));
        Path exported = tmp.resolve("out.img");
        try (Repository repo = Repos.init(tmp.resolve("repo")); BlockSource file = BlockSources.open(img)) {
            ImageResult r = DiskImages.create(repo, new FaultySource(file, badRanges), img.toString(),
                    ImageOptions.defaults().withSkipBadSectors(true), ImageProgress.NONE);
            assertFalse(r.complete());
            assertEquals(badRanges, r.unreadable());
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("could not be read")), r.warnings().toString());
            ImageSummary s = DiskImages.list(repo).get(0);
            assertEquals(badRanges, s.unreadable());
            assertTrue(DiskImages.metadata(repo, repo.snapshots().get(0))
                    .contains("\"unreadable\":[[" + bad1 + ",1536],[" + bad2 + ",512]]"));
            DiskImages.export(repo, repo.snapshots().get(0), exported, ImageProgress.NONE);
        }
        byte[] want = Files.readAllBytes(img);
        byte[] got = Files.readAllBytes(exported);
        for (ByteRange b : badRanges) {
            assertTrue(Arrays.equals(new byte[(int) b.length()], 0, (int) b.length(), got, (int) b.start(), (int) b.end()),
                    "unreadable range " + b + " is zero");
            Arrays.fill(want, (int) b.start(), (int) b.end(), (byte) 0);
        }
        long at = FsImages.blockOffset(img, "/big.bin", 0);
        assertTrue(Arrays.equals(want, (int) at, (int) at + (2 << 20), got, (int) at, (int) at + (2 << 20)),
                "the rest of the file's blocks were imaged");
    }
}
