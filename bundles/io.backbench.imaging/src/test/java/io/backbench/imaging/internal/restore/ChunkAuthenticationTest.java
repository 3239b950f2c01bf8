package io.backbench.imaging.internal.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.imaging.api.DiskImages;
import io.backbench.imaging.api.ImageOptions;
import io.backbench.imaging.api.ImageProgress;
import io.backbench.imaging.api.ImagingException;
import io.backbench.imaging.api.RestoreOptions;
import io.backbench.imaging.api.VerifyReport;
import io.backbench.imaging.testing.FsImages;
import io.backbench.imaging.testing.Repos;
import io.backbench.repository.api.Repository;

/**
 * A restore trusts each chunk's MAC instead of hashing it again (unless asked): a damaged chunk must
 * still stop it, and with the check on it restores the same bytes.
 */
class ChunkAuthenticationTest {
    @TempDir
    Path tmp;

    @Test
    void aRestoreWithOrWithoutTheChunkHashWritesTheImagedBytes() throws Exception {
        Path img = FsImages.ext4(tmp, "fs.img");
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            DiskImages.create(repo, img, ImageOptions.defaults().withChunkSize(256 << 10), ImageProgress.NONE);
            var s = repo.snapshots().get(0);
            DiskImages.restore(repo, s, tmp.resolve("fast.img"), RestoreOptions.defaults(), ImageProgress.NONE);
            DiskImages.restore(repo, s, tmp.resolve("checked.img"), RestoreOptions.defaults().withCheckChunks(true), ImageProgress.NONE);
            // every used byte as imaged (the stale free space of the source restores as zeros)
            VerifyReport v = DiskImages.verifyTarget(repo, s, tmp.resolve("fast.img"), false, ImageProgress.NONE);
            assertTrue(v.ok(), v.toString());
        }
        assertArrayEquals(Files.readAllBytes(tmp.resolve("checked.img")), Files.readAllBytes(tmp.resolve("fast.img")));
    }

    @Test
    void aDamagedChunkStopsARestoreThatDoesNotHashChunks() throws Exception {
        Path img = FsImages.ext4(tmp, "fs.img");
        Path repoDir = tmp.resolve("repo");
        try (Repository repo = Repos.init(repoDir)) {
            DiskImages.create(repo, img, ImageOptions.defaults().withChunkSize(256 << 10), ImageProgress.NONE);
        }
        Path pack;
        try (Stream<Path> s = Files.walk(repoDir.resolve("data"))) {
            // the largest pack holds the image's data chunks (the tree and metadata packs are small)
            pack = s.filter(Files::isRegularFile).max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(pack);
        bytes[40] ^= 0x01; // inside the first blob's ciphertext
        pack.toFile().setWritable(true);
        Files.write(pack, bytes);
        Path out = tmp.resolve("out.img");
        try (Repository repo = Repos.open(repoDir)) {
            var s = repo.snapshots().get(0);
            ImagingException e = assertThrows(ImagingException.class,
                    () -> DiskImages.restore(repo, s, out, RestoreOptions.defaults(), ImageProgress.NONE));
            assertTrue(e.getMessage().contains("verification failed") && e.getMessage().contains("target is incomplete"), e.getMessage());
            assertFalse(DiskImages.verify(repo, s, ImageProgress.NONE).ok());
        }
    }
}
