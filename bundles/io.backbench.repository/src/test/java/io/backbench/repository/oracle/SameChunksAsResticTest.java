package io.backbench.repository.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.repository.api.StoredSnapshot;

/** Oracle (c): our chunker cuts where restic's does, so restic's backup into our repository adds no data. */
class SameChunksAsResticTest {
    static final String PASSWORD = "pw";

    @TempDir
    Path tmp;

    @Test
    void resticBackupOfTheSameTreeAddsNoDataBlobs() throws Exception {
        Path src = tmp.resolve("source");
        SourceTree.generate(src, 17, 12);
        Path repoDir = tmp.resolve("repo");
        Set<Id> ours = new HashSet<>();
        try (Repository repo = Repositories.init(new FolderTarget(repoDir), PASSWORD.toCharArray(),
                ResticReadsOurRepositoryTest.FAST_KDF)) {
            new Snapshotter(repo).backup(src);
            repo.index().forEach(b -> {
                if (b.type() == BlobType.DATA) {
                    ours.add(b.id());
                }
            });
        }
        // the repository's polynomial is random, so the number of cuts varies (fewer than 10 blobs in
        // about 1 of 30 repositories); the 12 MiB random file is above the 8 MiB maximum whatever it is
        assertTrue(ours.size() >= 3, "the 12 MiB random file alone makes at least two chunks: " + ours.size());

        Restic.Result r = new Restic(repoDir, PASSWORD).runIn(tmp, "backup", "--json", src.getFileName().toString()).ok();
        assertTrue(r.out().contains("\"data_blobs\":0"), r.out());

        try (Repository repo = Repositories.open(new FolderTarget(repoDir), PASSWORD.toCharArray(), RepositoryOptions.defaults())) {
            Set<Id> after = new HashSet<>();
            repo.index().forEach(b -> {
                if (b.type() == BlobType.DATA) {
                    after.add(b.id());
                }
            });
            assertEquals(ours, after, "restic stored data blobs we did not");
            // and file by file the same content lists
            List<StoredSnapshot> snaps = repo.snapshots();
            assertEquals(2, snaps.size());
            Node a = repo.loadTree(repo.loadTree(snaps.get(0).snapshot().tree()).find("source").subtree()).find("sub");
            Node b = repo.loadTree(repo.loadTree(snaps.get(1).snapshot().tree()).find("source").subtree()).find("sub");
            Node da = repo.loadTree(repo.loadTree(a.subtree()).find("deeper").subtree()).find("deepest");
            Node db = repo.loadTree(repo.loadTree(b.subtree()).find("deeper").subtree()).find("deepest");
            List<Id> ourChunks = repo.loadTree(da.subtree()).find("random.bin").content();
            List<Id> resticChunks = repo.loadTree(db.subtree()).find("random.bin").content();
            assertEquals(resticChunks, ourChunks);
        }
    }

    @Test
    void resticCutsAFileWithRunsOfZerosAsWeDo() throws Exception {
        Path src = tmp.resolve("zeros");
        Files.createDirectories(src);
        byte[] data = new byte[5 << 20];
        new Random(5).nextBytes(data);
        java.util.Arrays.fill(data, 1 << 20, 3 << 20, (byte) 0);
        Files.write(src.resolve("mixed.bin"), data);
        Path repoDir = tmp.resolve("repo");
        try (Repository repo = Repositories.init(new FolderTarget(repoDir), PASSWORD.toCharArray(),
                ResticReadsOurRepositoryTest.FAST_KDF)) {
            new Snapshotter(repo).backup(src);
        }
        Restic.Result r = new Restic(repoDir, PASSWORD).runIn(tmp, "backup", "--json", src.getFileName().toString()).ok();
        assertTrue(r.out().contains("\"data_blobs\":0"), r.out());
    }
}
