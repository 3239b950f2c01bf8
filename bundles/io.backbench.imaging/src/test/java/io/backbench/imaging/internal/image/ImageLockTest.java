package io.backbench.imaging.internal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.imaging.api.BlockSource;
import io.backbench.imaging.api.BlockSources;
import io.backbench.imaging.api.ByteRange;
import io.backbench.imaging.api.DiskImages;
import io.backbench.imaging.api.ImageOptions;
import io.backbench.imaging.api.ImageProgress;
import io.backbench.imaging.testing.FaultySource;
import io.backbench.imaging.testing.FsImages;
import io.backbench.imaging.testing.Repos;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryLock;
import io.backbench.repository.api.RepositoryLockedException;

/**
 * The repository lock is taken while the source is analysed (PendingLock): a failure of either still
 * reads as before (the lock's first, as when it was taken before the analysis), and no lock file is
 * left behind.
 */
class ImageLockTest {
    @TempDir
    Path tmp;

    @Test
    void aSourceThatCannotBeAnalysedFailsWithItsReadErrorAndLeavesNoLock() throws Exception {
        Path img = FsImages.ext4(tmp, "fs.img");
        Path repoDir = tmp.resolve("repo");
        try (Repository repo = Repos.init(repoDir); BlockSource file = BlockSources.open(img)) {
            // the partition table and superblock sectors are unreadable
            BlockSource faulty = new FaultySource(file, List.of(new ByteRange(0, 64 << 10)));
            IOException e = assertThrows(IOException.class,
                    () -> DiskImages.create(repo, faulty, img.toString(), ImageOptions.defaults(), ImageProgress.NONE));
            assertTrue(e.getMessage().contains("Input/output error"), e.toString());
            assertEquals(List.of(), repo.snapshots());
        }
        assertEquals(0, lockFiles(repoDir));
    }

    @Test
    void aRepositoryLockedExclusivelyRefusesTheImageAndKeepsOnlyTheOtherLock() throws Exception {
        Path img = FsImages.ext4(tmp, "fs.img");
        Path repoDir = tmp.resolve("repo");
        try (Repository repo = Repos.init(repoDir); Repository other = Repos.open(repoDir);
                RepositoryLock prune = other.lock(true)) {
            assertThrows(RepositoryLockedException.class,
                    () -> DiskImages.create(repo, img, ImageOptions.defaults(), ImageProgress.NONE));
            assertEquals(1, lockFiles(repoDir));
            assertEquals(List.of(), repo.snapshots());
        }
    }

    @Test
    void whenTheLockAndTheAnalysisBothFailTheLockIsReported() throws Exception {
        Path img = FsImages.ext4(tmp, "fs.img");
        Path repoDir = tmp.resolve("repo");
        try (Repository repo = Repos.init(repoDir); Repository other = Repos.open(repoDir);
                RepositoryLock prune = other.lock(true); BlockSource file = BlockSources.open(img)) {
            BlockSource faulty = new FaultySource(file, List.of(new ByteRange(0, 64 << 10)));
            RepositoryLockedException e = assertThrows(RepositoryLockedException.class,
                    () -> DiskImages.create(repo, faulty, img.toString(), ImageOptions.defaults(), ImageProgress.NONE));
            assertEquals(1, e.getSuppressed().length, "the analysis' failure rides along");
            assertTrue(e.getSuppressed()[0].getMessage().contains("Input/output error"), e.getSuppressed()[0].toString());
            assertEquals(1, lockFiles(repoDir));
        }
    }

    private static long lockFiles(Path repoDir) throws IOException {
        try (Stream<Path> s = Files.list(repoDir.resolve("locks"))) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }
}
