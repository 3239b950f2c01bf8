package io.backbench.repository.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.CheckOptions;
import io.backbench.repository.api.CheckProblem;
import io.backbench.repository.api.CheckProblem.Kind;
import io.backbench.repository.api.CheckReport;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.ReadDataSubset;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOperations;
import io.backbench.repository.api.Tree;

/** check: structure, read-data and subsets, on repositories we wrote and restic wrote, with real damage. */
class CheckTest {
    @TempDir
    Path tmp;

    private static final Map<String, byte[]> FILES = RepoFixture.files(
            "docs/a.bin", RepoFixture.random(1, 900_000),
            "docs/b.bin", RepoFixture.random(2, 1_500_000),
            "docs/deeper/c.bin", RepoFixture.random(3, 2_500_000),
            "notes.txt", RepoFixture.text("notes\n".repeat(1000)),
            "big.bin", RepoFixture.random(4, 6_000_000));

    private Path repoWithTwoSnapshots() throws Exception {
        Path dir = tmp.resolve("repo");
        try (Repository repo = RepoFixture.init(dir)) {
            RepoFixture.snapshot(repo, FILES, Instant.parse("2024-01-01T00:00:00Z"));
            Map<String, byte[]> second = new java.util.TreeMap<>(FILES);
            second.put("new.txt", RepoFixture.text("added later"));
            RepoFixture.snapshot(repo, second, Instant.parse("2024-01-02T00:00:00Z"));
        }
        return dir;
    }

    @Test
    void aSoundRepositoryPassesStructureAndReadDataChecks() throws Exception {
        Path dir = repoWithTwoSnapshots();
        try (Repository repo = RepoFixture.open(dir)) {
            CheckReport structure = RepositoryOperations.check(repo, CheckOptions.structure());
            assertTrue(structure.problems().isEmpty(), structure.text());
            assertEquals(2, structure.snapshots());
            assertEquals(0, structure.packsRead());
            assertTrue(structure.packs() >= 3, "several packs expected: " + structure.packs());
            List<String> progress = new java.util.ArrayList<>();
            CheckReport all = RepositoryOperations.check(repo, CheckOptions.readAllData(),
                    (phase, done, total) -> progress.add(phase + " " + done + "/" + total));
            assertTrue(all.ok() && all.problems().isEmpty(), all.text());
            assertEquals(all.packs(), progress.size());
            assertEquals("read packs " + all.packs() + "/" + all.packs(), progress.get(progress.size() - 1));
            assertEquals(all.packs(), all.packsRead());
            assertEquals(repo.index().size(), all.blobsRead());
            assertTrue(all.text().contains("no errors were found"), all.text());
        }
        RepoFixture.restic(dir).run("check", "--read-data").ok();
    }

    @Test
    void aFlippedByteInADataPackNamesThePackTheBlobAndTheFilesAndResticAgrees() throws Exception {
        Path dir = repoWithTwoSnapshots();
        Id damagedBlob;
        PackedBlob where;
        try (Repository repo = RepoFixture.open(dir)) {
            Node b = fileNode(repo, "docs", "b.bin");
            damagedBlob = b.content().get(0);
            where = repo.index().lookup(BlobType.DATA, damagedBlob).orElseThrow();
        }
        RepoFixture.flipByte(RepoFixture.packFile(dir, where.pack()), where.offset() + where.length() / 2);

        try (Repository repo = RepoFixture.open(dir)) {
            CheckReport structure = RepositoryOperations.check(repo, CheckOptions.structure());
            assertTrue(structure.ok(), "sizes and headers are intact: " + structure.text());

            CheckReport report = RepositoryOperations.check(repo, CheckOptions.readAllData());
            assertFalse(report.ok());
            CheckProblem blob = only(report, Kind.BLOB_DAMAGED);
            assertEquals(where.pack(), blob.pack());
            assertEquals(damagedBlob, blob.blob());
            List<StoredIds> snaps = snapshots(repo);
            assertEquals(List.of(snaps.get(0).shortId + ":/docs/b.bin", snaps.get(1).shortId + ":/docs/b.bin"), blob.files());
            assertTrue(blob.message().contains(where.pack().shortHex()) && blob.message().contains(damagedBlob.shortHex()), blob.message());
            assertEquals(where.pack(), only(report, Kind.PACK_DAMAGED).pack());
            assertEquals(2, report.errors().size(), report.text());
            String text = report.text();
            assertTrue(text.contains("affects " + snaps.get(1).shortId + ":/docs/b.bin"), text);

            // every other file still reads back intact
            for (String path : List.of("docs/a.bin", "docs/deeper/c.bin", "notes.txt", "big.bin")) {
                String[] parts = path.split("/");
                Node n = fileNode(repo, parts);
                assertArrayEquals(FILES.get(path), content(repo, n), path);
            }
        }
        Restic.Result restic = RepoFixture.restic(dir).run("check", "--read-data");
        assertNotEquals(0, restic.exitCode(), "restic must find the damage too:\n" + restic.out());
        assertTrue((restic.out() + restic.err()).contains(where.pack().hex().substring(0, 8)), restic.out() + restic.err());
    }

    @Test
    void aDamagedTreeIsFoundByTheStructureCheckNamingTheDirectory() throws Exception {
        Path dir = repoWithTwoSnapshots();
        PackedBlob where;
        try (Repository repo = RepoFixture.open(dir)) {
            Id root = repo.snapshots().get(0).snapshot().tree();
            Id deeper = repo.loadTree(repo.loadTree(root).find("docs").subtree()).find("deeper").subtree();
            where = repo.index().lookup(BlobType.TREE, deeper).orElseThrow();
        }
        RepoFixture.flipByte(RepoFixture.packFile(dir, where.pack()), where.offset() + 20);
        try (Repository repo = RepoFixture.open(dir)) {
            CheckReport report = RepositoryOperations.check(repo, CheckOptions.structure());
            CheckProblem p = only(report, Kind.TREE_DAMAGED);
            assertTrue(p.message().contains("/docs/deeper"), p.message());
            List<StoredIds> snaps = snapshots(repo);
            assertEquals(List.of(snaps.get(0).shortId + ":/docs/deeper/ (directory listing)",
                    snaps.get(1).shortId + ":/docs/deeper/ (directory listing)"), p.files());
        }
    }

    @Test
    void aMissingPackIsAnErrorListingEveryFileThatLostData() throws Exception {
        Path dir = repoWithTwoSnapshots();
        PackedBlob where;
        try (Repository repo = RepoFixture.open(dir)) {
            where = repo.index().lookup(BlobType.DATA, fileNode(repo, "big.bin").content().get(0)).orElseThrow();
        }
        Files.delete(RepoFixture.packFile(dir, where.pack()));
        try (Repository repo = RepoFixture.open(dir)) {
            CheckReport report = RepositoryOperations.check(repo, CheckOptions.structure());
            CheckProblem p = only(report, Kind.PACK_MISSING);
            assertEquals(where.pack(), p.pack());
            assertTrue(p.files().stream().anyMatch(f -> f.endsWith(":/big.bin")), p.files().toString());
            assertEquals(1, report.errors().size(), report.text());
        }
    }

    @Test
    void readDataSubsetsNOfTCoverEveryPackExactlyOnceAndPercentagesPickThatShare() throws Exception {
        Path dir = repoWithTwoSnapshots();
        try (Repository repo = RepoFixture.open(dir)) {
            int packs = RepositoryOperations.check(repo, CheckOptions.structure()).packs();
            int sum = 0;
            for (int n = 1; n <= 3; n++) {
                CheckReport r = RepositoryOperations.check(repo, CheckOptions.readDataSubset(n + "/3"));
                assertTrue(r.problems().isEmpty(), r.text());
                assertEquals(new ReadDataSubset(n, 3, 0), r.subset());
                sum += r.packsRead();
            }
            assertEquals(packs, sum);
            CheckReport half = RepositoryOperations.check(repo, CheckOptions.readDataSubset("50%"), new Random(7));
            assertEquals(Math.round(packs * 0.5), half.packsRead());
            assertEquals(1, RepositoryOperations.check(repo, CheckOptions.readDataSubset("0.1%")).packsRead());
        }
        for (String bad : List.of("0/3", "4/3", "abc", "0%", "101%", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReadDataSubset.parse(bad));
            assertTrue(e.getMessage().contains("subset"), e.getMessage());
        }
    }

    @Test
    void aRotatingSubsetFindsTheDamagedPackInTheBucketThatHoldsIt() throws Exception {
        Path dir = repoWithTwoSnapshots();
        PackedBlob where;
        try (Repository repo = RepoFixture.open(dir)) {
            where = repo.index().lookup(BlobType.DATA, fileNode(repo, "notes.txt").content().get(0)).orElseThrow();
        }
        RepoFixture.flipByte(RepoFixture.packFile(dir, where.pack()), where.offset() + 3);
        int bucket = (where.pack().bytes()[0] & 0xff) % 4 + 1;
        try (Repository repo = RepoFixture.open(dir)) {
            for (int n = 1; n <= 4; n++) {
                CheckReport r = RepositoryOperations.check(repo, CheckOptions.readDataSubset(n + "/4"));
                assertEquals(n != bucket, r.ok(), n + "/4: " + r.text());
            }
        }
    }

    @Test
    void packsNoIndexListsAreReportedAsInformationNotErrors() throws Exception {
        Path dir = repoWithTwoSnapshots();
        // an interrupted backup: a full pack uploaded, the session never flushed its index
        Repository interrupted = RepoFixture.open(dir);
        interrupted.saveBlob(BlobType.DATA, RepoFixture.random(99, 4_300_000), 0, 4_300_000);
        try (Repository repo = RepoFixture.open(dir)) {
            CheckReport r = RepositoryOperations.check(repo, CheckOptions.readAllData());
            assertTrue(r.ok(), r.text());
            assertEquals(1, r.infos().size(), r.text());
            assertEquals(Kind.UNREFERENCED_PACK, r.infos().get(0).kind());
        }
    }

    @Test
    void ourCheckPassesARepositoryWrittenByRestic() throws Exception {
        Path src = tmp.resolve("src");
        SourceTree.generate(src, 5, 3);
        Path dir = tmp.resolve("restic-repo");
        Restic restic = RepoFixture.restic(dir);
        restic.run("init").ok();
        restic.runIn(tmp, "backup", "src").ok();
        Files.writeString(src.resolve("sub/hello.txt"), "changed");
        restic.runIn(tmp, "backup", "src").ok();
        try (Repository repo = RepoFixture.open(dir)) {
            CheckReport r = RepositoryOperations.check(repo, CheckOptions.readAllData());
            assertTrue(r.problems().isEmpty(), r.text());
            assertEquals(2, r.snapshots());
            assertEquals(r.packs(), r.packsRead());
        }
    }

    // --- helpers

    private record StoredIds(String shortId) {
    }

    private static List<StoredIds> snapshots(Repository repo) throws Exception {
        return repo.snapshots().stream().map(s -> new StoredIds(s.id().shortHex())).toList();
    }

    private static CheckProblem only(CheckReport r, Kind kind) {
        List<CheckProblem> l = r.problems().stream().filter(p -> p.kind() == kind).toList();
        assertEquals(1, l.size(), kind + " once expected:\n" + r.text());
        return l.get(0);
    }

    private static Node fileNode(Repository repo, String... path) throws Exception {
        Tree t = repo.loadTree(repo.snapshots().get(0).snapshot().tree());
        Node n = null;
        for (String p : path) {
            n = t.find(p);
            if (n.subtree() != null) {
                t = repo.loadTree(n.subtree());
            }
        }
        return n;
    }

    private static byte[] content(Repository repo, Node n) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Id id : n.content()) {
            out.write(repo.loadBlob(BlobType.DATA, id));
        }
        return out.toByteArray();
    }

}
