package io.backbench.backup.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.backup.testing.Fixture;
import io.backbench.backup.testing.Restic;
import io.backbench.backup.testing.TreeState;
import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryLock;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.repository.api.Tree;
import io.backbench.backup.testing.Repos;

/** {@code repo check|prune|stats|unlock|rebuild-index} on real repositories in temporary folders. */
class RepoMaintenanceCommandsTest {
    static final String PASSWORD = "secret";

    @TempDir
    Path tmp;

    Path repoDir;
    Cli cli;

    private Path initWithSource() throws Exception {
        repoDir = tmp.resolve("repo");
        cli = new Cli(repoDir, PASSWORD);
        assertEquals(0, cli.run("repo", "init").exit());
        Path src = Files.createDirectories(tmp.resolve("src"));
        Random rnd = new Random(3);
        Files.write(src.resolve("big.bin"), Fixture.bytes(rnd, 3 << 20));
        Files.write(src.resolve("other.bin"), Fixture.bytes(rnd, 1 << 20));
        Files.writeString(Files.createDirectories(src.resolve("docs")).resolve("notes.txt"), "notes\n".repeat(500));
        return src;
    }

    @Test
    void checkPassesOnASoundRepositoryWithEveryReadModeAndResticAgrees() throws Exception {
        Path src = initWithSource();
        assertEquals(0, cli.run("backup", src.toString()).exit());

        Cli.Run structure = cli.run("repo", "check");
        assertEquals(0, structure.exit(), structure.all());
        assertTrue(structure.out().contains("checked 1 snapshots") && structure.out().contains("no errors were found"), structure.out());
        Cli.Run all = cli.run("repo", "check", "--read-data");
        assertEquals(0, all.exit(), all.all());
        assertTrue(all.out().contains("; read "), all.out());
        Cli.Run part = cli.run("repo", "check", "--read-data-subset", "1/2");
        assertEquals(0, part.exit(), part.all());
        assertTrue(part.out().contains("subset 1/2"), part.out());
        Cli.Run percent = cli.json("repo", "check", "--read-data-subset=50%");
        assertEquals(0, percent.exit(), percent.all());
        assertTrue(percent.out().contains("\"ok\":true") && percent.out().contains("\"read_data_subset\":\"50%\"")
                && percent.out().contains("\"errors\":[]"), percent.out());
        new Restic(repoDir, PASSWORD).run("check", "--read-data").ok();
    }

    @Test
    void aFlippedByteMakesCheckExit1NamingThePackBlobAndFileAndEveryOtherFileStillRestores() throws Exception {
        Path src = initWithSource();
        assertEquals(0, cli.run("backup", src.toString()).exit());
        Id blob;
        PackedBlob where;
        try (Repository repo = Repositories.open(Repos.target(repoDir), PASSWORD.toCharArray(), RepositoryOptions.defaults())) {
            Node file = node(repo, repo.snapshots().get(0).snapshot().tree(), src.resolve("other.bin"));
            blob = file.content().get(0);
            where = repo.index().lookup(BlobType.DATA, blob).orElseThrow();
        }
        Path pack = repoDir.resolve("data").resolve(where.pack().hex().substring(0, 2)).resolve(where.pack().hex());
        byte[] bytes = Files.readAllBytes(pack);
        bytes[(int) (where.offset() + where.length() / 2)] ^= 0x10;
        Files.write(pack, bytes);

        assertEquals(0, cli.run("repo", "check").exit(), "the structure is intact");
        Cli.Run check = cli.run("repo", "check", "--read-data");
        assertEquals(1, check.exit(), check.all());
        assertTrue(check.out().contains(where.pack().shortHex()) && check.out().contains(blob.shortHex()), check.out());
        assertTrue(check.out().contains(":" + src.resolve("other.bin")), "names the affected file: " + check.out());
        assertFalse(check.out().contains(":" + src.resolve("big.bin")), check.out());
        assertTrue(check.err().contains("the repository is damaged"), check.err());
        Cli.Run json = cli.json("repo", "check", "--read-data");
        assertEquals(1, json.exit());
        assertTrue(json.out().contains("\"ok\":false") && json.out().contains("\"pack\":\"" + where.pack().hex() + "\""), json.out());

        Path target = tmp.resolve("restored");
        Cli.Run restore = cli.run("restore", "latest", "--target", target.toString());
        assertEquals(1, restore.exit(), "one file cannot be restored intact: " + restore.all());
        assertTrue(restore.err().contains(src.resolve("other.bin").toString()), restore.err());
        Path back = target.resolve(src.toString().substring(1));
        for (String intact : List.of("big.bin", "docs/notes.txt")) {
            assertEquals(-1, Files.mismatch(src.resolve(intact), back.resolve(intact)), intact);
        }
    }

    @Test
    void pruneAfterForgetRemovesUnusedDataAndDryRunChangesNothing() throws Exception {
        Path src = initWithSource();
        assertEquals(0, cli.run("backup", src.toString()).exit());
        Files.delete(src.resolve("big.bin"));
        assertEquals(0, cli.run("backup", src.toString()).exit());
        assertEquals(0, cli.run("forget", "--keep-last", "1").exit());
        long before = size(repoDir.resolve("data"));

        Cli.Run dry = cli.run("repo", "prune", "--dry-run");
        assertEquals(0, dry.exit(), dry.all());
        assertTrue(dry.out().contains("would remove"), dry.out());
        assertEquals(before, size(repoDir.resolve("data")), "a dry run deletes nothing");

        Cli.Run prune = cli.json("repo", "prune", "--max-unused", "0%");
        assertEquals(0, prune.exit(), prune.all());
        assertTrue(prune.out().contains("\"dry_run\":false") && prune.out().contains("\"bytes_freed\":"), prune.out());
        long after = size(repoDir.resolve("data"));
        assertTrue(after < before - (2 << 20), "the deleted 3 MiB file's data is gone: " + before + " -> " + after);
        new Restic(repoDir, PASSWORD).run("check", "--read-data").ok();
        Path target = tmp.resolve("restored");
        assertEquals(0, cli.run("restore", "latest", "--target", target.toString()).exit());
        assertEquals("", TreeState.of(src).diff(TreeState.of(target.resolve(src.toString().substring(1)))));
    }

    @Test
    void statsCountRawAndDeduplicatedSizes() throws Exception {
        Path src = initWithSource();
        assertEquals(0, cli.run("backup", src.toString()).exit());
        assertEquals(0, cli.run("backup", "--force", src.toString()).exit());
        long raw = (3 << 20) + (1 << 20) + "notes\n".length() * 500L;

        Cli.Run text = cli.run("repo", "stats");
        assertEquals(0, text.exit(), text.all());
        assertTrue(text.out().contains("snapshots:          2") && text.out().contains("deduplication:      2.00x"), text.out());
        Cli.Run json = cli.json("repo", "stats");
        assertTrue(json.out().contains("\"snapshots_count\":2,\"total_file_count\":6,\"total_size\":" + 2 * raw), json.out());
        Cli.Run one = cli.json("repo", "stats", "latest");
        assertEquals(0, one.exit(), one.all());
        assertTrue(one.out().contains("\"snapshots_count\":1,\"total_file_count\":3,\"total_size\":" + raw), one.out());
        assertEquals(1, cli.run("repo", "stats", "0000dead").exit(), "an unknown snapshot is an error");
    }

    @Test
    void unlockKeepsLiveLocksAndRemoveAllRemovesThem() throws Exception {
        initWithSource();
        try (Repository repo = Repositories.open(Repos.target(repoDir), PASSWORD.toCharArray(), RepositoryOptions.defaults());
                RepositoryLock held = repo.lock(true)) {
            Cli.Run prune = cli.run("repo", "prune");
            assertEquals(1, prune.exit(), prune.all());
            assertTrue(prune.err().contains("locked"), prune.err());
            Cli.Run unlock = cli.run("repo", "unlock");
            assertEquals(0, unlock.exit(), unlock.all());
            assertTrue(unlock.out().contains("removed 0 locks"), "a lock of a live process is not stale: " + unlock.out());
            assertEquals(1, count(repoDir.resolve("locks")));
            Cli.Run all = cli.run("repo", "unlock", "--remove-all");
            assertEquals(0, all.exit(), all.all());
            assertTrue(all.out().contains("removed 1 lock"), all.out());
            assertEquals(0, count(repoDir.resolve("locks")));
        }
        assertEquals(0, cli.run("repo", "prune").exit());
    }

    @Test
    void rebuildIndexRestoresALostIndexAndResticAgrees() throws Exception {
        Path src = initWithSource();
        assertEquals(0, cli.run("backup", src.toString()).exit());
        try (Stream<Path> s = Files.list(repoDir.resolve("index"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        assertEquals(1, cli.run("repo", "check").exit(), "without an index the trees are not found");
        Cli.Run rebuild = cli.run("repo", "rebuild-index");
        assertEquals(0, rebuild.exit(), rebuild.all());
        Matcher m = Pattern.compile("indexed (\\d+) blobs in (\\d+) packs").matcher(rebuild.out());
        assertTrue(m.find() && Integer.parseInt(m.group(2)) > 0, rebuild.out());
        assertEquals(0, cli.run("repo", "check", "--read-data").exit());
        new Restic(repoDir, PASSWORD).run("check", "--read-data").ok();
    }

    @Test
    void usageErrorsNameTheProblemAndExit2() throws Exception {
        initWithSource();
        Cli.Run both = cli.run("repo", "check", "--read-data", "--read-data-subset", "5%");
        assertEquals(2, both.exit());
        Cli.Run badSubset = cli.run("repo", "check", "--read-data-subset", "7/5");
        assertEquals(2, badSubset.exit());
        assertTrue(badSubset.err().contains("7/5"), badSubset.err());
        Cli.Run notSubset = cli.run("repo", "check", "--read-data-subset", "some");
        assertEquals(2, notSubset.exit());
        assertTrue(notSubset.err().contains("5%") && notSubset.err().contains("1/10"), "says what is accepted: " + notSubset.err());
        Cli.Run wrongSub = cli.run("repo", "init", "--dry-run");
        assertEquals(2, wrongSub.exit());
        assertTrue(wrongSub.err().contains("--dry-run does not apply to 'repo init'"), wrongSub.err());
        assertEquals(2, cli.run("repo", "frobnicate").exit());
        assertEquals(2, cli.run("repo", "check", "extra").exit());
        Cli.Run badMax = cli.run("repo", "prune", "--max-unused", "lots");
        assertEquals(2, badMax.exit());
        assertTrue(badMax.err().contains("unlimited"), badMax.err());
        Cli.Run noRepo = new Cli(tmp.resolve("none"), PASSWORD).run("repo", "check");
        assertEquals(1, noRepo.exit());
        assertTrue(noRepo.err().contains("backbench repo init"), noRepo.err());
    }

    private static Node node(Repository repo, Id root, Path path) throws Exception {
        Tree t = repo.loadTree(root);
        Node n = null;
        for (Path part : path) {
            n = t.find(part.toString());
            if (n.subtree() != null) {
                t = repo.loadTree(n.subtree());
            }
        }
        return n;
    }

    private static long size(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static long count(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
