package io.backbench.repository.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.CheckOptions;
import io.backbench.repository.api.CheckProblem;
import io.backbench.repository.api.CheckReport;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.IndexRebuildReport;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.RepositoryOperations;
import io.backbench.repository.api.Snapshot;
import io.backbench.repository.api.Tree;
import io.backbench.repository.oracle.FolderTarget;

/**
 * The index files are read on other threads after open, so that a command's next steps (finding
 * its snapshot, the lock's 200 ms wait) overlap the reading: every query still sees the whole
 * index, and a damaged index file fails whatever needs the index, with its name and the remedy,
 * which works: {@code rebuild-index}; {@code check} reports it (before, a damaged index file failed
 * the open itself, and so the check and the rebuild too).
 */
class BackgroundIndexTest {
    @TempDir
    Path dir;

    @Test
    void theFirstQueryAfterOpenAlreadySeesEveryIndexFile() throws Exception {
        List<Id> saved = new ArrayList<>();
        Random rnd = new Random(7);
        try (Repository repo = Repositories.init(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS)) {
            for (int file = 0; file < 8; file++) {
                for (int i = 0; i < 300; i++) {
                    byte[] b = new byte[64];
                    rnd.nextBytes(b);
                    saved.add(repo.saveBlob(BlobType.DATA, b, 0, b.length));
                }
                repo.flush(); // one index file per flush
            }
        }
        assertEquals(8, files("index"));
        try (Repository repo = Repositories.open(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS)) {
            long known = saved.stream().filter(id -> repo.hasBlob(BlobType.DATA, id)).count();
            assertEquals(saved.size(), known, "blobs from all eight index files are known at the first query");
            assertEquals(saved.size(), repo.index().size());
        }
    }

    @Test
    void aDamagedIndexFileFailsTheLockAndTheLoadsWithItsNameButNotTheSnapshotList() throws Exception {
        Id blob;
        try (Repository repo = Repositories.init(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS)) {
            byte[] data = "some data".getBytes();
            blob = repo.saveBlob(BlobType.DATA, data, 0, data.length);
            Id tree = repo.saveTree(new Tree(List.of()));
            repo.saveSnapshot(new Snapshot(Instant.now(), tree, List.of("/src"), "host", "user", 0, 0, List.of(), List.of(), null, null));
        }
        Path index = theIndexFile();
        byte[] bytes = Files.readAllBytes(index);
        bytes[bytes.length / 2] ^= 1;
        Files.write(index, bytes);

        try (Repository repo = Repositories.open(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS)) {
            assertEquals(1, repo.snapshots().size(), "listing snapshots needs no index");
            RepositoryException locked = assertThrows(RepositoryException.class, () -> repo.lock(false));
            assertTrue(locked.getMessage().contains(index.getFileName().toString().substring(0, 8)), locked.getMessage());
            assertTrue(locked.getMessage().contains("corrupt"), locked.getMessage());
            assertEquals(0, files("locks"), "the lock taken is given back");
            RepositoryException load = assertThrows(RepositoryException.class, () -> repo.loadBlob(BlobType.DATA, blob));
            assertTrue(load.getMessage().contains("corrupt"), load.getMessage());
            assertTrue(load.getMessage().contains("rebuild-index"), "says what to do: " + load.getMessage());
            UncheckedIOException has = assertThrows(UncheckedIOException.class, () -> repo.hasBlob(BlobType.DATA, blob));
            assertTrue(has.getCause() instanceof RepositoryException, has.toString());

            // check reports the damage as a problem of its own instead of failing
            CheckReport report = RepositoryOperations.check(repo, CheckOptions.structure());
            String damaged = index.getFileName().toString().substring(0, 8);
            assertTrue(report.errors().stream().anyMatch(p -> p.kind() == CheckProblem.Kind.INDEX_UNREADABLE
                    && p.message().contains(damaged) && p.message().contains("rebuild-index")), report.problems().toString());
            // the packs it listed look unlisted now: pruning them would delete data, and check says so
            List<CheckProblem> unlisted = report.problems().stream().filter(p -> p.kind() == CheckProblem.Kind.UNREFERENCED_PACK).toList();
            assertEquals(2, unlisted.size(), "the data pack and the tree pack: " + report.problems());
            assertTrue(unlisted.stream().allMatch(p -> p.message().contains("do not prune")), unlisted.toString());

            // the remedy works on the same open repository: a rebuild indexes the packs from their headers
            IndexRebuildReport rebuilt = RepositoryOperations.rebuildIndex(repo, false);
            assertEquals(2, rebuilt.packs(), "the data pack and the tree pack");
            assertEquals("some data", new String(repo.loadBlob(BlobType.DATA, blob)));
            assertEquals(List.of(), RepositoryOperations.check(repo, CheckOptions.readAllData()).errors());
        }
        try (Repository repo = Repositories.open(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS)) {
            repo.lock(false).close();
            assertTrue(repo.hasBlob(BlobType.DATA, blob));
        }
    }

    @Test
    void anIndexFileRepairedAfterOpenIsReadByReloadIndex() throws Exception {
        Id blob;
        try (Repository repo = Repositories.init(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS)) {
            byte[] data = "kept".getBytes();
            blob = repo.saveBlob(BlobType.DATA, data, 0, data.length);
            repo.flush();
        }
        Path index = theIndexFile();
        byte[] good = Files.readAllBytes(index);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 1;
        Files.write(index, bad);
        try (Repository repo = Repositories.open(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS)) {
            assertThrows(RepositoryException.class, () -> repo.loadBlob(BlobType.DATA, blob));
            assertThrows(RepositoryException.class, repo::reloadIndex, "still damaged: the reload fails too");
            assertThrows(UncheckedIOException.class, () -> repo.hasBlob(BlobType.DATA, blob), "and the index stays unusable");
            Files.write(index, good); // repaired, say by another process
            repo.reloadIndex();
            assertTrue(repo.hasBlob(BlobType.DATA, blob));
            assertEquals("kept", new String(repo.loadBlob(BlobType.DATA, blob)));
        }
    }

    private Path theIndexFile() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("index"))) {
            return s.findFirst().orElseThrow();
        }
    }

    private long files(String sub) throws Exception {
        Path p = dir.resolve(sub);
        if (!Files.isDirectory(p)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
