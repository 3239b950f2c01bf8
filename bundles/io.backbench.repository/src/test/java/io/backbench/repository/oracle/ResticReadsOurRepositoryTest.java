package io.backbench.repository.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.repository.api.Compression;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryLock;
import io.backbench.repository.api.RepositoryOptions;

/** Oracle (a): restic opens, checks and restores a repository that we initialised and wrote. */
class ResticReadsOurRepositoryTest {
    static final String PASSWORD = "correct horse battery staple";
    static final RepositoryOptions FAST_KDF = RepositoryOptions.defaults().withKdf(new RepositoryOptions.KdfParams(1024, 8, 1));

    @TempDir
    Path tmp;

    @Test
    void resticChecksAndRestoresOurSnapshotByteForByte() throws Exception {
        Path src = tmp.resolve("source");
        SourceTree.generate(src, 1, 6);
        Path repoDir = tmp.resolve("repo");
        String configId;
        try (Repository repo = Repositories.init(new FolderTarget(repoDir), PASSWORD.toCharArray(), FAST_KDF)) {
            configId = repo.config().id();
            new Snapshotter(repo).backup(src);
        }
        Restic restic = new Restic(repoDir, PASSWORD);

        String config = restic.run("cat", "config").ok().out();
        assertTrue(config.contains("\"version\": 2"), config);
        assertTrue(config.contains(configId), config);
        String snapshots = restic.run("snapshots", "--json").ok().out();
        assertTrue(snapshots.contains(src.toAbsolutePath().toString()), snapshots);

        String check = restic.run("check", "--read-data").ok().out();
        assertTrue(check.contains("no errors were found"), check);

        Path restored = tmp.resolve("restored");
        restic.run("restore", "latest", "--target", restored.toString()).ok();
        Map<String, byte[]> expected = SourceTree.read(src);
        Map<String, byte[]> actual = SourceTree.read(restored.resolve("source"));
        assertEquals(expected.keySet(), actual.keySet());
        for (String path : expected.keySet()) {
            assertArrayEquals(expected.get(path), actual.get(path), path);
        }
    }

    @Test
    void resticReadsEveryCompressionModeAndUncompressedBlobs() throws Exception {
        for (Compression c : Compression.values()) {
            Path src = tmp.resolve("src-" + c);
            SourceTree.generate(src, 7, 1);
            Path repoDir = tmp.resolve("repo-" + c);
            try (Repository repo = Repositories.init(new FolderTarget(repoDir), PASSWORD.toCharArray(), FAST_KDF.withCompression(c))) {
                new Snapshotter(repo).backup(src);
            }
            Restic restic = new Restic(repoDir, PASSWORD);
            restic.run("check", "--read-data").ok();
            Path restored = tmp.resolve("restored-" + c);
            restic.run("restore", "latest", "--target", restored.toString()).ok();
            Map<String, byte[]> expected = SourceTree.read(src);
            Map<String, byte[]> actual = SourceTree.read(restored.resolve(src.getFileName()));
            assertEquals(expected.keySet(), actual.keySet(), c.toString());
            for (String path : expected.keySet()) {
                assertArrayEquals(expected.get(path), actual.get(path), c + " " + path);
            }
        }
    }

    @Test
    void resticOpensTheRepositoryWithAKeyWeAddedAndAfterAPasswordChange() throws Exception {
        Path repoDir = tmp.resolve("repo");
        try (Repository repo = Repositories.init(new FolderTarget(repoDir), PASSWORD.toCharArray(), FAST_KDF)) {
            repo.addKey("second password".toCharArray());
        }
        new Restic(repoDir, "second password").run("cat", "config").ok();
        new Restic(repoDir, PASSWORD).run("cat", "config").ok();
        try (Repository repo = Repositories.open(new FolderTarget(repoDir), PASSWORD.toCharArray(), FAST_KDF)) {
            repo.changePassword("third password".toCharArray());
        }
        Restic.Result old = new Restic(repoDir, PASSWORD).run("cat", "config");
        assertNotEquals(0, old.exitCode(), "the replaced password must no longer open the repository");
        new Restic(repoDir, "third password").run("cat", "config").ok();
        assertEquals(2, new Restic(repoDir, "third password").run("key", "list", "--json").ok().out().split("\"id\"").length - 1);
    }

    @Test
    void resticRespectsOurExclusiveLockAndRunsOnceItIsGone() throws Exception {
        Path repoDir = tmp.resolve("repo");
        Path src = tmp.resolve("source");
        SourceTree.generate(src, 3, 1);
        try (Repository repo = Repositories.init(new FolderTarget(repoDir), PASSWORD.toCharArray(), FAST_KDF)) {
            Restic restic = new Restic(repoDir, PASSWORD);
            try (RepositoryLock lock = repo.lock(true)) {
                Restic.Result blocked = restic.run("backup", src.toString());
                assertNotEquals(0, blocked.exitCode(), blocked.out());
                assertTrue(blocked.err().contains("locked exclusively"), blocked.err());
            }
            restic.run("backup", src.toString()).ok();
            assertEquals(1, repo.listSnapshots().size());
        }
    }

    @Test
    void resticVerifiesTheIdsOfOurUnpackedFiles() throws Exception {
        Path repoDir = tmp.resolve("repo");
        Path src = tmp.resolve("source");
        SourceTree.generate(src, 5, 1);
        Id snap;
        try (Repository repo = Repositories.init(new FolderTarget(repoDir), PASSWORD.toCharArray(), FAST_KDF)) {
            snap = new Snapshotter(repo).backup(src);
        }
        String json = new Restic(repoDir, PASSWORD).run("cat", "snapshot", snap.hex()).ok().out();
        assertTrue(json.contains("\"hostname\": \"testhost\""), json);
        String list = new Restic(repoDir, PASSWORD).run("list", "snapshots").ok().out();
        assertEquals(snap.hex(), list.trim());
    }
}
