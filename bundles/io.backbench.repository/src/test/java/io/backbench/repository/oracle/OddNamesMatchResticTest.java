package io.backbench.repository.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.Snapshot;
import io.backbench.repository.api.StoredSnapshot;
import io.backbench.repository.api.Tree;

/**
 * Node names restic quotes (newline, tab, quote, backslash, control characters, non-ASCII, bytes
 * that are not UTF-8): restic checks and restores what we write, and we read what restic writes,
 * byte for byte.
 */
class OddNamesMatchResticTest {
    /** Names Java can put on a file system (valid Unicode). */
    static final List<String> NAMES = List.of("new\nline", "tab\tname", "quote\"d", "back\\slash", "both \\n\"", "ünïcødé ✓ 日本",
            "emoji 😀", "nb\u00a0space", "ctl\u0001\u007f", "line\u2028sep", "<&> html", "plain");

    @TempDir
    Path tmp;

    @Test
    void resticChecksAndRestoresTheNamesWeWrite() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        for (String n : NAMES) {
            Files.writeString(src.resolve(n), "content of " + n);
        }
        Files.createDirectories(src.resolve("dir\nwith\tescapes\\"));
        Files.writeString(src.resolve("dir\nwith\tescapes\\").resolve("inner \"x\""), "inner");
        Path repoDir = tmp.resolve("repo");
        Id snap;
        Id badBytes;
        try (Repository repo = RepoFixture.init(repoDir)) {
            snap = new Snapshotter(repo).backup(src);
            // a name that is not UTF-8 cannot come from java.nio's listing; state it as data
            Node bad = RepoFixture.file(repo, "bad\uDCFF\uDCC3name", RepoFixture.text("not utf-8"));
            badBytes = repo.saveSnapshot(Snapshot.of(Instant.now(), repo.saveTree(new Tree(List.of(bad))), List.of("/bad"), "testhost", "tester"));
        }
        Restic restic = RepoFixture.restic(repoDir);
        restic.run("check", "--read-data").ok();

        Path restored = tmp.resolve("restored");
        restic.run("restore", snap.hex(), "--target", restored.toString()).ok();
        Path top = restored.resolve("src");
        assertEquals(names(src), names(top));
        for (String n : NAMES) {
            assertEquals("content of " + n, Files.readString(top.resolve(n)), n);
        }
        assertEquals("inner", Files.readString(top.resolve("dir\nwith\tescapes\\").resolve("inner \"x\"")));

        Path restoredBad = tmp.resolve("restored-bad");
        restic.run("restore", badBytes.hex(), "--target", restoredBad.toString()).ok();
        // the file's name must be the bytes b a d 0xff 0xc3 n a m e; the shell states them exactly
        assertEquals(0, shell("test -f " + restoredBad + "/$'bad\\xff\\xc3name'"), "restic restored the raw bytes");
    }

    @Test
    void weReadResticsTreesWithOddNamesAndWriteThemByteForByte() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        for (String n : NAMES) {
            Files.writeString(src.resolve(n), "content of " + n);
        }
        assertEquals(0, shell("printf x > " + src + "/$'raw\\xff\\xfebytes'"));
        Path repoDir = tmp.resolve("repo");
        Restic restic = RepoFixture.restic(repoDir);
        restic.run("init").ok();
        restic.runIn(tmp, "backup", "src").ok();

        try (Repository repo = RepoFixture.open(repoDir)) {
            StoredSnapshot s = repo.snapshots().get(0);
            Node top = repo.loadTree(s.snapshot().tree()).find("src");
            Tree tree = repo.loadTree(top.subtree());
            Set<String> expected = new TreeSet<>(NAMES);
            expected.add("raw\uDCFF\uDCFEbytes");
            assertEquals(expected, tree.nodes().stream().map(Node::name).collect(Collectors.toCollection(TreeSet::new)));
            for (Node n : tree.nodes()) {
                assertEquals(NodeType.FILE, n.type(), n.name());
            }
            // re-encoding restic's trees gives the same bytes, so the same ids: names, escapes and order match
            assertEquals(top.subtree(), repo.saveTree(tree));
            assertEquals(s.snapshot().tree(), repo.saveTree(repo.loadTree(s.snapshot().tree())));
        }
    }

    private static Set<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static int shell(String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", script).inheritIO().start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue();
    }
}
