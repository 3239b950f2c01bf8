package io.backbench.imaging.internal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.imaging.api.DiskImages;
import io.backbench.imaging.api.ImageOptions;
import io.backbench.imaging.api.ImageProgress;
import io.backbench.imaging.api.ImageResult;
import io.backbench.imaging.testing.FsImages;
import io.backbench.imaging.testing.Repos;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.StoredSnapshot;

/** Chunk sizes: the default, a chosen one, and a next image of the same source keeping its parent's. */
class ChunkSizeTest {
    @TempDir
    Path tmp;

    private static int chunkSize(Repository repo, StoredSnapshot s) throws Exception {
        return ImageStore.load(repo, s).metadata().chunkSize();
    }

    @Test
    void aNextImageWithTheDefaultKeepsItsParentsChunkSizeSoUnchangedChunksDedupe() throws Exception {
        Path img = FsImages.ext4(tmp, "fs.img");
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            ImageResult first = DiskImages.create(repo, img, ImageOptions.defaults().withChunkSize(256 << 10), ImageProgress.NONE);
            ImageResult second = DiskImages.create(repo, img, ImageOptions.defaults(), ImageProgress.NONE);
            List<StoredSnapshot> s = repo.snapshots();
            StoredSnapshot parent = s.stream().filter(x -> x.id().equals(first.snapshot())).findFirst().orElseThrow();
            StoredSnapshot child = s.stream().filter(x -> x.id().equals(second.snapshot())).findFirst().orElseThrow();
            assertEquals(256 << 10, chunkSize(repo, parent));
            assertEquals(256 << 10, chunkSize(repo, child));
            assertEquals(first.snapshot(), second.parent());
            assertEquals(0, second.newChunks(), "nothing changed: " + second);
            assertEquals((32 << 20) / (256 << 10), second.chunks());
        }
    }

    @Test
    void aFirstImageUsesTheDefaultChunkSizeAndAnExplicitOneWins() throws Exception {
        Path img = FsImages.ext4(tmp, "fs.img");
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            ImageResult first = DiskImages.create(repo, img, ImageOptions.defaults(), ImageProgress.NONE);
            ImageResult second = DiskImages.create(repo, img, ImageOptions.defaults().withChunkSize(1 << 20), ImageProgress.NONE);
            assertEquals((32 << 20) / ImageOptions.DEFAULT_CHUNK_SIZE, first.chunks());
            assertEquals(32, second.chunks());
            assertTrue(second.newChunks() > 0, "other chunk boundaries store other blobs: " + second);
        }
    }
}
