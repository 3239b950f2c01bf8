package io.backbench.repository.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.FindMatch;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.RepositoryOperations;
import io.backbench.repository.api.RepositoryStats;
import io.backbench.repository.api.Snapshot;
import io.backbench.repository.api.SnapshotDiff;
import io.backbench.repository.api.SnapshotDiff.Kind;
import io.backbench.repository.api.SnapshotFilter;
import io.backbench.repository.api.StoredSnapshot;
import io.backbench.repository.api.Tree;

/** stats, diff, find and picking snapshots by name, on snapshots stated as data. */
class BrowseTest {
    @TempDir
    Path tmp;

    @Test
    void statsCountRawDeduplicatedAndStoredSizes() throws Exception {
        byte[] shared = RepoFixture.random(1, 1_200_000);
        byte[] text = RepoFixture.text("compressible line\n".repeat(20_000));
        try (Repository repo = RepoFixture.init(tmp.resolve("repo"))) {
            RepoFixture.snapshot(repo, RepoFixture.files("a.bin", shared, "t.txt", text), Instant.parse("2024-01-01T00:00:00Z"));
            RepoFixture.snapshot(repo, RepoFixture.files("a.bin", shared, "dir/copy.bin", shared), Instant.parse("2024-01-02T00:00:00Z"));
            RepositoryStats s = RepositoryOperations.stats(repo, List.of());
            assertEquals(2, s.snapshots());
            assertEquals(4, s.files());
            assertEquals(3L * shared.length + text.length, s.rawSize());
            long[] expected = {0, 0, 0, 0}; // data blobs, tree blobs, plaintext, stored
            repo.index().forEach(b -> {
                expected[b.type() == BlobType.DATA ? 0 : 1]++;
                expected[2] += b.plaintextLength();
                expected[3] += b.length();
            });
            assertEquals(expected[0], s.dataBlobs());
            assertEquals(expected[1], s.treeBlobs());
            assertEquals(expected[2], s.uniqueSize());
            assertEquals(expected[3], s.storedSize());
            assertTrue(s.deduplicationRatio() > 2.0, s.text());
            assertTrue(s.compressionRatio() > 1.2, s.text());
            assertTrue(s.packs() >= 2 && s.packBytes() > s.storedSize(), s.text());
            RepositoryStats first = RepositoryOperations.stats(repo, List.of(repo.snapshots().get(0)));
            assertEquals((long) shared.length + text.length, first.rawSize());
            assertTrue(s.text().contains("deduplication:"), s.text());
        }
    }

    @Test
    void diffNamesAddedRemovedModifiedMetadataAndTypeChanges() throws Exception {
        try (Repository repo = RepoFixture.init(tmp.resolve("repo"))) {
            Node same = RepoFixture.file(repo, "same.txt", RepoFixture.text("same"));
            Node edited = RepoFixture.file(repo, "edited.txt", RepoFixture.text("before"));
            Node chmod = RepoFixture.file(repo, "chmod.txt", RepoFixture.text("mode"));
            Node gone = RepoFixture.file(repo, "gone.txt", RepoFixture.text("gone"));
            Node becomesDir = RepoFixture.file(repo, "swap", RepoFixture.text("file first"));
            Id oldSub = repo.saveTree(new Tree(List.of(RepoFixture.file(repo, "inner.txt", RepoFixture.text("x")))));
            Node sub = Node.builder("sub", NodeType.DIR).permissions(0755).times(RepoFixture.MTIME).subtree(oldSub).build();
            StoredSnapshot a = save(repo, List.of(same, edited, chmod, gone, becomesDir, sub), "2024-01-01T00:00:00Z");

            Id newSub = repo.saveTree(new Tree(List.of(RepoFixture.file(repo, "inner.txt", RepoFixture.text("x")),
                    RepoFixture.file(repo, "added.txt", RepoFixture.text("new")))));
            Id swapTree = repo.saveTree(new Tree(List.of(RepoFixture.file(repo, "in-swap.txt", RepoFixture.text("y")))));
            StoredSnapshot b = save(repo, List.of(same, RepoFixture.file(repo, "edited.txt", RepoFixture.text("after")),
                    chmod.toBuilder().permissions(0600).build(),
                    Node.builder("swap", NodeType.DIR).permissions(0755).times(RepoFixture.MTIME).subtree(swapTree).build(),
                    sub.toBuilder().subtree(newSub).build()), "2024-01-02T00:00:00Z");

            SnapshotDiff d = RepositoryOperations.diff(repo, a, b);
            List<String> lines = d.changes().stream().map(c -> c.kind().symbol() + " " + c.path()).toList();
            assertEquals(List.of("U /chmod.txt", "M /edited.txt", "- /gone.txt", "+ /sub/added.txt", "T /swap/", "+ /swap/in-swap.txt"),
                    lines);
            assertEquals(1, d.count(Kind.METADATA));
            SnapshotDiff.Change removed = d.changes().get(2);
            assertEquals("gone.txt", removed.before().name());
            assertNull(removed.after());
            assertTrue(d.text().contains("added: 2, removed: 1, modified: 1, metadata only: 1, type changed: 1"), d.text());
            assertTrue(RepositoryOperations.diff(repo, a, a).changes().isEmpty());
        }
    }

    @Test
    void findMatchesNamesAndPathsAcrossSnapshots() throws Exception {
        try (Repository repo = RepoFixture.init(tmp.resolve("repo"))) {
            Map<String, byte[]> v1 = RepoFixture.files("docs/Report.TXT", RepoFixture.text("1"), "docs/img.png", RepoFixture.text("2"),
                    "notes.txt", RepoFixture.text("3"));
            Map<String, byte[]> v2 = RepoFixture.files("docs/Report.TXT", RepoFixture.text("1"), "other/notes.txt", RepoFixture.text("4"));
            RepoFixture.snapshot(repo, v1, Instant.parse("2024-01-01T00:00:00Z"));
            RepoFixture.snapshot(repo, v2, Instant.parse("2024-01-02T00:00:00Z"));
            List<StoredSnapshot> snaps = repo.snapshots();

            List<String> txt = render(RepositoryOperations.find(repo, List.of(), "*.txt", false));
            assertEquals(List.of(snaps.get(0).id().shortHex() + " /notes.txt", snaps.get(1).id().shortHex() + " /other/notes.txt"), txt);
            List<String> ci = render(RepositoryOperations.find(repo, List.of(), "*.txt", true));
            assertEquals(4, ci.size(), ci.toString());
            List<String> byPath = render(RepositoryOperations.find(repo, List.of(snaps.get(0)), "/docs/*", false));
            assertEquals(List.of(snaps.get(0).id().shortHex() + " /docs/Report.TXT", snaps.get(0).id().shortHex() + " /docs/img.png"), byPath);
            List<FindMatch> dirs = RepositoryOperations.find(repo, List.of(), "d?cs", false);
            assertEquals(2, dirs.size());
            assertEquals(NodeType.DIR, dirs.get(0).node().type());
            assertEquals(1, RepositoryOperations.find(repo, List.of(), "[a-m]*.png", false).size());
        }
    }

    @Test
    void snapshotsArePickedByLatestOrAnUnambiguousIdPrefix() throws Exception {
        try (Repository repo = RepoFixture.init(tmp.resolve("repo"))) {
            Map<String, byte[]> f = RepoFixture.files("x", RepoFixture.text("x"));
            Id first = RepoFixture.snapshot(repo, f, Instant.parse("2024-01-02T00:00:00Z"), "h1", List.of());
            Id second = RepoFixture.snapshot(repo, f, Instant.parse("2024-01-01T00:00:00Z"), "h2", List.of());
            assertEquals(first, RepositoryOperations.findSnapshot(repo, "latest", SnapshotFilter.ALL).id());
            assertEquals(second, RepositoryOperations.findSnapshot(repo, "latest",
                    new SnapshotFilter(List.of("h2"), List.of(), List.of())).id());
            assertEquals(second, RepositoryOperations.findSnapshot(repo, second.shortHex(), SnapshotFilter.ALL).id());
            assertEquals(first, RepositoryOperations.findSnapshot(repo, first.hex(), SnapshotFilter.ALL).id());
            RepositoryException unknown = assertThrows(RepositoryException.class,
                    () -> RepositoryOperations.findSnapshot(repo, "ffffffff".equals(first.shortHex()) ? "eeeeeeee" : "ffffffff", SnapshotFilter.ALL));
            assertTrue(unknown.getMessage().contains("no snapshot"), unknown.getMessage());
            RepositoryException bad = assertThrows(RepositoryException.class,
                    () -> RepositoryOperations.findSnapshot(repo, "yesterday", SnapshotFilter.ALL));
            assertTrue(bad.getMessage().contains("latest"), bad.getMessage());
        }
    }

    @Test
    void anIndexRebuiltFromPackHeadersRestoresLostIndexFiles() throws Exception {
        Path dir = tmp.resolve("repo");
        Map<String, byte[]> files = RepoFixture.files("a.bin", RepoFixture.random(1, 5_000_000), "b.txt", RepoFixture.text("b"));
        try (Repository repo = RepoFixture.init(dir)) {
            RepoFixture.snapshot(repo, files, Instant.parse("2024-01-01T00:00:00Z"));
        }
        Map<Id, PackedBlob> before = indexed(dir);
        try (var s = java.nio.file.Files.list(dir.resolve("index"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                java.nio.file.Files.delete(p);
            }
        }
        try (Repository repo = RepoFixture.open(dir)) {
            assertEquals(0, repo.index().size());
            var r = RepositoryOperations.rebuildIndex(repo, false);
            assertEquals(before.size(), r.blobs());
            assertEquals(r.packs(), r.headersRead());
            assertTrue(r.unreadablePacks().isEmpty());
            assertEquals(before.size(), repo.index().size(), "the session's index is reloaded");
            assertTrue(RepositoryOperations.check(repo, io.backbench.repository.api.CheckOptions.readAllData()).problems().isEmpty());
        }
        assertEquals(before, indexed(dir));
        Restic restic = RepoFixture.restic(dir);
        restic.run("check", "--read-data").ok();
        Path out = tmp.resolve("out");
        restic.run("restore", "latest", "--target", out.toString()).ok();
        assertTrue(java.util.Arrays.equals(files.get("a.bin"), java.nio.file.Files.readAllBytes(out.resolve("a.bin"))));
    }

    @Test
    void unlockRemovesStaleLocksOrAllOfThem() throws Exception {
        try (Repository repo = RepoFixture.init(tmp.resolve("repo"))) {
            try (var lock = repo.lock(false)) {
                assertEquals(0, RepositoryOperations.unlock(repo, false), "a live process's lock is not stale");
                assertEquals(1, RepositoryOperations.unlock(repo, true));
                assertEquals(0, repo.listSnapshots().size());
                try (var exclusive = repo.lock(true)) {
                    assertTrue(exclusive.exclusive(), "nothing blocks an exclusive lock after unlock --remove-all");
                }
            }
        }
    }

    private static Map<Id, PackedBlob> indexed(Path dir) throws Exception {
        Map<Id, PackedBlob> m = new java.util.HashMap<>();
        try (Repository repo = RepoFixture.open(dir)) {
            repo.index().forEach(b -> m.put(b.id(), b));
        }
        return m;
    }

    private static StoredSnapshot save(Repository repo, List<Node> nodes, String time) throws Exception {
        Snapshot s = Snapshot.of(Instant.parse(time), repo.saveTree(new Tree(nodes)), List.of("/data"), "h", "u");
        return new StoredSnapshot(repo.saveSnapshot(s), s);
    }

    private static List<String> render(List<FindMatch> l) {
        return l.stream().map(m -> m.snapshot().id().shortHex() + " " + m.path()).toList();
    }
}
