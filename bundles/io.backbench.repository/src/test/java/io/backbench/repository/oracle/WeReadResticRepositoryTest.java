package io.backbench.repository.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.repository.api.StoredSnapshot;
import io.backbench.repository.api.Tree;
import io.backbench.repository.api.WrongPasswordException;

/** Oracle (b): a repository initialised and backed up by restic is read by us, every byte. */
class WeReadResticRepositoryTest {
    static final String PASSWORD = "restic's own password";

    @TempDir
    Path tmp;

    @Test
    void readsSnapshotsTreesAndEveryFileOfAResticBackup() throws Exception {
        Path src = tmp.resolve("source");
        SourceTree.generate(src, 11, 5);
        Files.createSymbolicLink(src.resolve("link"), Path.of("sub/hello.txt"));
        Path repoDir = tmp.resolve("repo");
        Restic restic = new Restic(repoDir, PASSWORD);
        restic.run("init").ok();
        // a relative path, so that the root tree holds "source" itself (an absolute one nests /tmp/...)
        restic.runIn(tmp, "backup", "source").ok();
        restic.runIn(tmp, "backup", "--tag", "second", "source").ok();

        try (Repository repo = Repositories.open(new FolderTarget(repoDir), PASSWORD.toCharArray(), RepositoryOptions.defaults())) {
            assertEquals(2, repo.config().version());
            List<StoredSnapshot> snaps = repo.snapshots();
            assertEquals(2, snaps.size());
            assertEquals(List.of("second"), snaps.get(1).snapshot().tags());
            assertEquals(List.of(src.toAbsolutePath().toString()), snaps.get(0).snapshot().paths());
            for (StoredSnapshot s : snaps) {
                Tree root = repo.loadTree(s.snapshot().tree());
                Node top = root.find("source");
                assertEquals(NodeType.DIR, top.type());
                assertEquals(Files.getLastModifiedTime(src).toInstant(), top.mtime());
                Map<String, byte[]> actual = Snapshotter.read(repo, top.subtree());
                Map<String, byte[]> expected = SourceTree.read(src);
                expected.remove("link");
                assertEquals(expected.keySet(), actual.keySet());
                for (String path : expected.keySet()) {
                    assertArrayEquals(expected.get(path), actual.get(path), path);
                }
                Node link = repo.loadTree(top.subtree()).find("link");
                assertEquals(NodeType.SYMLINK, link.type());
                assertEquals("sub/hello.txt", link.linkTarget());
                assertEquals(0777, link.permissions());
            }
            assertTrue(repo.index().size() > 5);
        }
    }

    @Test
    void opensWithAKeyResticAddedAndRejectsAWrongPasswordClearly() throws Exception {
        Path repoDir = tmp.resolve("repo");
        Restic restic = new Restic(repoDir, PASSWORD);
        restic.run("init").ok();
        Path pwFile = tmp.resolve("pw");
        Files.writeString(pwFile, "added by restic\n");
        restic.run("key", "add", "--new-password-file", pwFile.toString()).ok();
        try (Repository repo = Repositories.open(new FolderTarget(repoDir), "added by restic".toCharArray(), RepositoryOptions.defaults())) {
            assertEquals(2, repo.keys().size());
            assertEquals(1, repo.keys().stream().filter(k -> k.current()).count());
        }
        WrongPasswordException e = assertThrows(WrongPasswordException.class,
                () -> Repositories.open(new FolderTarget(repoDir), "nope".toCharArray(), RepositoryOptions.defaults()));
        assertEquals("wrong password or no key found in folder:" + repoDir, e.getMessage());
    }

    @Test
    void writesIntoAResticRepositoryAndResticReadsIt() throws Exception {
        Path repoDir = tmp.resolve("repo");
        Restic restic = new Restic(repoDir, PASSWORD);
        restic.run("init").ok();
        Path src = tmp.resolve("source");
        SourceTree.generate(src, 13, 2);
        Id snap;
        try (Repository repo = Repositories.open(new FolderTarget(repoDir), PASSWORD.toCharArray(), RepositoryOptions.defaults())) {
            snap = new Snapshotter(repo).backup(src);
        }
        restic.run("check", "--read-data").ok();
        Path restored = tmp.resolve("restored");
        restic.run("restore", snap.shortHex(), "--target", restored.toString()).ok();
        Map<String, byte[]> expected = SourceTree.read(src);
        Map<String, byte[]> actual = SourceTree.read(restored.resolve("source"));
        assertEquals(expected.keySet(), actual.keySet());
        for (String path : expected.keySet()) {
            assertArrayEquals(expected.get(path), actual.get(path), path);
        }
    }
}
