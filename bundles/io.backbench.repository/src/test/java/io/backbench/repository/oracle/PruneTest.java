package io.backbench.repository.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.CheckOptions;
import io.backbench.repository.api.CheckReport;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.PruneOptions;
import io.backbench.repository.api.PruneReport;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.RepositoryOperations;
import io.backbench.repository.api.StoredSnapshot;

/** prune: what goes, what is repacked, the crash-safe order, and restic's check and restore afterwards. */
class PruneTest {
    @TempDir
    Path tmp;

    private static final Map<String, byte[]> S1 = RepoFixture.files("keep/a.bin", RepoFixture.random(1, 3_000_000),
            "gone/b.bin", RepoFixture.random(2, 3_000_000), "small.txt", RepoFixture.text("first"));
    private static final Map<String, byte[]> S2 = RepoFixture.files("keep/a.bin", RepoFixture.random(1, 3_000_000),
            "c.bin", RepoFixture.random(3, 3_000_000), "small.txt", RepoFixture.text("second"));
    private static final Map<String, byte[]> S3 = RepoFixture.files("d.bin", RepoFixture.random(4, 2_000_000));

    private List<Id> threeSnapshots(Path dir) throws Exception {
        try (Repository repo = RepoFixture.init(dir)) {
            return List.of(RepoFixture.snapshot(repo, S1, Instant.parse("2024-01-01T00:00:00Z")),
                    RepoFixture.snapshot(repo, S2, Instant.parse("2024-01-02T00:00:00Z")),
                    RepoFixture.snapshot(repo, S3, Instant.parse("2024-01-03T00:00:00Z")));
        }
    }

    @Test
    void pruneAfterForgetRemovesUnusedDataAndResticChecksAndRestoresTheRest() throws Exception {
        Path dir = tmp.resolve("repo");
        List<Id> ids = threeSnapshots(dir);
        long before = packBytes(dir);
        try (Repository repo = RepoFixture.open(dir)) {
            RepositoryOperations.forget(repo, List.of(ids.get(0)));
            PruneReport r = RepositoryOperations.prune(repo, PruneOptions.defaults().withMaxUnusedPercent(0));
            assertFalse(r.dryRun());
            assertEquals(2, r.snapshots());
            assertTrue(r.unusedBytes() > 2_900_000, r.text());
            assertEquals(0, r.unusedBytesAfter(), r.text());
            assertTrue(r.packsRemoved() + r.packsRepacked() > 0, r.text());
            assertEquals(1, r.indexFilesWritten());

            CheckReport check = RepositoryOperations.check(repo, CheckOptions.readAllData());
            assertTrue(check.problems().isEmpty(), check.text());
            long unique = RepositoryOperations.stats(repo, List.of()).storedSize();
            assertEquals(unique, sumOfIndexedBlobLengths(repo), "no unused blob is left in the index");
        }
        long after = packBytes(dir);
        assertTrue(before - after > 2_900_000, before + " -> " + after);

        Restic restic = RepoFixture.restic(dir);
        restic.run("check", "--read-data").ok();
        Path out = tmp.resolve("restored");
        restic.run("restore", ids.get(1).hex(), "--target", out.toString()).ok();
        assertArrayEquals(S2.get("keep/a.bin"), Files.readAllBytes(out.resolve("keep/a.bin")));
        assertArrayEquals(S2.get("c.bin"), Files.readAllBytes(out.resolve("c.bin")));
        assertArrayEquals(S2.get("small.txt"), Files.readAllBytes(out.resolve("small.txt")));
        assertFalse(Files.exists(out.resolve("gone")));
        Path out3 = tmp.resolve("restored3");
        restic.run("restore", ids.get(2).hex(), "--target", out3.toString()).ok();
        assertArrayEquals(S3.get("d.bin"), Files.readAllBytes(out3.resolve("d.bin")));
    }

    @Test
    void aDryRunReportsButChangesNothing() throws Exception {
        Path dir = tmp.resolve("repo");
        List<Id> ids = threeSnapshots(dir);
        try (Repository repo = RepoFixture.open(dir)) {
            RepositoryOperations.forget(repo, List.of(ids.get(0)));
        }
        List<String> files = listing(dir);
        try (Repository repo = RepoFixture.open(dir)) {
            PruneReport r = RepositoryOperations.prune(repo, PruneOptions.defaults().withMaxUnusedPercent(0).asDryRun());
            assertTrue(r.dryRun());
            assertTrue(r.unusedBytes() > 2_900_000, r.text());
            assertTrue(r.packsRemoved() + r.packsRepacked() > 0, r.text());
            assertTrue(r.text().contains("would remove"), r.text());
        }
        assertEquals(files, listing(dir));
    }

    @Test
    void partlyUsedDataPacksAreRepackedOnlyBeyondTheUnusedLimit() throws Exception {
        Path tolerant = tmp.resolve("tolerant");
        Path strict = tmp.resolve("strict");
        for (Path dir : List.of(tolerant, strict)) {
            List<Id> ids = threeSnapshots(dir);
            try (Repository repo = RepoFixture.open(dir)) {
                RepositoryOperations.forget(repo, List.of(ids.get(0)));
            }
        }
        try (Repository repo = RepoFixture.open(tolerant)) {
            PruneReport r = RepositoryOperations.prune(repo, PruneOptions.defaults().withMaxUnusedPercent(100));
            // only the tree pack (metadata is always repacked) and wholly unused packs are touched
            assertTrue(r.unusedBytesAfter() > 0, r.text());
            assertTrue(RepositoryOperations.check(repo, CheckOptions.readAllData()).ok());
        }
        try (Repository repo = RepoFixture.open(strict)) {
            PruneReport r = RepositoryOperations.prune(repo, PruneOptions.defaults().withMaxUnusedPercent(0));
            assertEquals(0, r.unusedBytesAfter(), r.text());
            assertTrue(r.packsRepacked() > 0 && r.packsWritten() > 0, r.text());
        }
        RepoFixture.restic(tolerant).run("check", "--read-data").ok();
        RepoFixture.restic(strict).run("check", "--read-data").ok();
    }

    @Test
    void theNewIndexIsSavedBeforeAnyIndexFileOrPackIsDeletedAndSupersedesTheOldOnes() throws Exception {
        Path dir = tmp.resolve("repo");
        List<Id> ids = threeSnapshots(dir);
        List<String> oldIndex;
        try (Stream<Path> s = Files.list(dir.resolve("index"))) {
            oldIndex = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        RecordingTarget target = new RecordingTarget(new FolderTarget(dir));
        try (Repository repo = Repositories.open(target, RepoFixture.PASSWORD.toCharArray(), RepoFixture.OPTIONS)) {
            RepositoryOperations.forget(repo, List.of(ids.get(0)));
            target.events.clear();
            RepositoryOperations.prune(repo, PruneOptions.defaults().withMaxUnusedPercent(0));
        }
        List<String> ev = target.events;
        int newIndex = -1;
        for (int i = 0; i < ev.size(); i++) {
            if (ev.get(i).startsWith("put index/")) {
                newIndex = i;
            }
        }
        assertTrue(newIndex > 0, ev.toString());
        int firstDelete = -1;
        int lastPackPut = -1;
        for (int i = 0; i < ev.size(); i++) {
            String e = ev.get(i);
            if (firstDelete < 0 && (e.startsWith("delete index/") || e.startsWith("delete data/"))) {
                firstDelete = i;
            }
            if (e.startsWith("put data/")) {
                lastPackPut = i;
            }
        }
        assertTrue(lastPackPut < newIndex && newIndex < firstDelete, ev.toString());
        List<String> deletedIndex = ev.stream().filter(e -> e.startsWith("delete index/")).map(e -> e.substring(13)).sorted().toList();
        assertEquals(oldIndex, deletedIndex);
        String newId = ev.get(newIndex).substring(10);
        String json = RepoFixture.restic(dir).run("cat", "index", newId).ok().out();
        assertTrue(json.contains("\"supersedes\""), json);
        for (String old : oldIndex) {
            assertTrue(json.contains(old), "supersedes " + old + ": " + json);
        }
    }

    @Test
    void packsLeftByAnInterruptedBackupAreDeleted() throws Exception {
        Path dir = tmp.resolve("repo");
        threeSnapshots(dir);
        Repository interrupted = RepoFixture.open(dir);
        interrupted.saveBlob(BlobType.DATA, RepoFixture.random(99, 4_300_000), 0, 4_300_000);
        try (Repository repo = RepoFixture.open(dir)) {
            PruneReport r = RepositoryOperations.prune(repo, PruneOptions.defaults());
            assertEquals(1, r.unreferencedPacks(), r.text());
            CheckReport check = RepositoryOperations.check(repo, CheckOptions.structure());
            assertTrue(check.problems().isEmpty(), check.text());
        }
    }

    @Test
    void duplicateBlobsFromConcurrentSessionsAreAWarningAndPruneKeepsOneCopy() throws Exception {
        Path dir = tmp.resolve("repo");
        threeSnapshots(dir);
        byte[] same = RepoFixture.random(5, 1_000_000);
        // two sessions that cannot see each other's unflushed blobs both store the same one
        try (Repository one = RepoFixture.open(dir); Repository two = RepoFixture.open(dir)) {
            RepoFixture.snapshot(one, RepoFixture.files("dup.bin", same), Instant.parse("2024-02-01T00:00:00Z"));
            RepoFixture.snapshot(two, RepoFixture.files("dup.bin", same), Instant.parse("2024-02-02T00:00:00Z"));
        }
        try (Repository repo = RepoFixture.open(dir)) {
            CheckReport before = RepositoryOperations.check(repo, CheckOptions.structure());
            assertTrue(before.ok(), before.text());
            assertTrue(before.warnings().stream().anyMatch(w -> w.kind() == io.backbench.repository.api.CheckProblem.Kind.DUPLICATE_BLOB),
                    before.text());
            PruneReport r = RepositoryOperations.prune(repo, PruneOptions.defaults().withMaxUnusedPercent(0));
            assertTrue(r.unusedBlobs() >= 1, r.text());
            CheckReport after = RepositoryOperations.check(repo, CheckOptions.readAllData());
            assertTrue(after.problems().isEmpty(), after.text());
        }
        RepoFixture.restic(dir).run("check", "--read-data").ok();
    }

    @Test
    void pruneNeedsAnExclusiveLockAndRefusesWhileABackupHoldsAShared() throws Exception {
        Path dir = tmp.resolve("repo");
        threeSnapshots(dir);
        List<String> files = listing(dir);
        try (Repository backup = RepoFixture.open(dir); var shared = backup.lock(false); Repository repo = RepoFixture.open(dir)) {
            io.backbench.repository.api.RepositoryLockedException e = assertThrows(
                    io.backbench.repository.api.RepositoryLockedException.class,
                    () -> RepositoryOperations.prune(repo, PruneOptions.defaults()));
            assertTrue(e.getMessage().contains("already locked"), e.getMessage());
            // a check (shared) may run beside the backup
            assertTrue(RepositoryOperations.check(repo, CheckOptions.structure()).ok());
        }
        assertEquals(files, listing(dir));
    }

    @Test
    void aRepositoryWrittenByResticIsPrunedAndResticStillChecksAndRestoresIt() throws Exception {
        Path src = tmp.resolve("src");
        SourceTree.generate(src, 11, 3);
        Path dir = tmp.resolve("restic-repo");
        Restic restic = RepoFixture.restic(dir);
        restic.run("init").ok();
        restic.runIn(tmp, "backup", "src").ok();
        Files.delete(src.resolve("sub/deeper/deepest/random.bin"));
        Files.write(src.resolve("sub/new.bin"), RepoFixture.random(12, 1_000_000));
        restic.runIn(tmp, "backup", "src").ok();
        restic.run("forget", "--keep-last", "1").ok();
        try (Repository repo = RepoFixture.open(dir)) {
            PruneReport r = RepositoryOperations.prune(repo, PruneOptions.defaults());
            assertTrue(r.unusedBytes() > 3_000_000, r.text());
        }
        restic.run("check", "--read-data").ok();
        Path out = tmp.resolve("restored");
        restic.run("restore", "latest", "--target", out.toString()).ok();
        Map<String, byte[]> expected = SourceTree.read(src);
        Map<String, byte[]> actual = SourceTree.read(out.resolve("src"));
        assertEquals(expected.keySet(), actual.keySet());
        for (String p : expected.keySet()) {
            assertArrayEquals(expected.get(p), actual.get(p), p);
        }
    }

    @Test
    void pruneStopsBeforeDeletingAnythingWhenASnapshotCannotBeRead() throws Exception {
        Path dir = tmp.resolve("repo");
        List<Id> ids = threeSnapshots(dir);
        PackedBlob tree;
        try (Repository repo = RepoFixture.open(dir)) {
            RepositoryOperations.forget(repo, List.of(ids.get(0)));
            StoredSnapshot s = repo.snapshots().get(0);
            tree = repo.index().lookup(BlobType.TREE, s.snapshot().tree()).orElseThrow();
        }
        RepoFixture.flipByte(RepoFixture.packFile(dir, tree.pack()), tree.offset() + 5);
        List<String> files = listing(dir);
        try (Repository repo = RepoFixture.open(dir)) {
            RepositoryException e = assertThrows(RepositoryException.class,
                    () -> RepositoryOperations.prune(repo, PruneOptions.defaults()));
            assertTrue(e.getMessage().contains("nothing was pruned"), e.getMessage());
        }
        List<String> after = new ArrayList<>(listing(dir));
        assertEquals(files, after);
    }

    private static long sumOfIndexedBlobLengths(Repository repo) {
        long[] sum = {0};
        repo.index().forEach(b -> sum[0] += b.length());
        return sum[0];
    }

    private static long packBytes(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir.resolve("data"))) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    // every file but locks (a lock comes and goes with each operation)
    private static List<String> listing(Path dir) throws Exception {
        Map<String, Long> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).filter(p -> !dir.relativize(p).startsWith("locks"))
                    .forEach(p -> m.put(dir.relativize(p).toString(), p.toFile().length()));
        }
        return m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    }
}
