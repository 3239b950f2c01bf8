package io.backbench.backup.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.backup.testing.Fixture;
import io.backbench.backup.testing.Restic;

/** {@code forget}, {@code diff} and {@code find} on real repositories in temporary folders. */
class SnapshotCommandsTest {
    static final String PASSWORD = "secret";
    private static final Pattern SNAPSHOT_ID = Pattern.compile("\"id\":\"([0-9a-f]{64})\"");

    @TempDir
    Path tmp;

    Path repoDir;
    Cli cli;
    Path src;

    private void init() throws Exception {
        repoDir = tmp.resolve("repo");
        cli = new Cli(repoDir, PASSWORD);
        assertEquals(0, cli.run("repo", "init").exit());
        src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("a.txt"), "first\n");
    }

    private List<String> snapshotIds() {
        Cli.Run r = cli.json("snapshots");
        assertEquals(0, r.exit(), r.all());
        List<String> ids = new ArrayList<>();
        Matcher m = SNAPSHOT_ID.matcher(r.out());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private void backup(String... extra) {
        List<String> args = new ArrayList<>(List.of(extra));
        args.add(src.toString());
        Cli.Run r = cli.run("backup", args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.all());
    }

    @Test
    void forgetByPolicyKeepsWhatTheRulesSayAndADryRunRemovesNothing() throws Exception {
        init();
        backup();
        backup();
        backup("--tag", "keepme");
        backup();
        backup();
        backup("--host", "elsewhere");
        List<String> before = snapshotIds();
        assertEquals(6, before.size());

        Cli.Run dry = cli.run("forget", "--keep-last", "1", "--dry-run");
        assertEquals(0, dry.exit(), dry.all());
        assertTrue(dry.out().contains("would remove 4 snapshots"), "host elsewhere is its own group: " + dry.out());
        assertEquals(before, snapshotIds());

        Cli.Run json = cli.json("forget", "--keep-last", "1", "--keep-tag", "keepme", "--group-by", "", "--dry-run");
        assertEquals(0, json.exit(), json.all());
        assertTrue(json.out().startsWith("[{\"tags\":null,\"host\":null,\"paths\":null,\"keep\":["), json.out());
        assertTrue(json.out().contains("\"matches\":[\"last snapshot\"]") && json.out().contains("keepme"), json.out());
        String removeList = json.out().substring(json.out().indexOf("\"remove\":["), json.out().indexOf("\"reasons\":["));
        assertEquals(4, removeList.split("\"short_id\"").length - 1, json.out());

        Cli.Run real = cli.run("forget", "--keep-last", "1", "--keep-tag", "keepme", "--host", hostOfThisMachine());
        assertEquals(0, real.exit(), real.all());
        List<String> after = snapshotIds();
        assertEquals(3, after.size(), "the newest and the tagged of this host, and the other host's, stay: " + real.out());
        assertTrue(after.contains(before.get(5)), "the other host was filtered out");
        String restic = new Restic(repoDir, PASSWORD).run("snapshots", "--json").ok().out();
        assertEquals(3, restic.split("\"short_id\"").length - 1, restic);

        Cli.Run within = cli.run("forget", "--keep-within", "1y2m3d", "--group-by", "host");
        assertEquals(0, within.exit(), within.all());
        assertEquals(3, snapshotIds().size(), "all are within 1y2m3d of the newest");
    }

    @Test
    void forgetByIdWithPruneRemovesTheSnapshotAndItsDataAndResticAgrees() throws Exception {
        init();
        Files.write(src.resolve("big.bin"), Fixture.bytes(new java.util.Random(1), 2 << 20));
        backup();
        Files.delete(src.resolve("big.bin"));
        backup();
        List<String> ids = snapshotIds();
        Cli.Run forget = cli.run("forget", ids.get(0).substring(0, 8), "--prune", "--max-unused", "0%");
        assertEquals(0, forget.exit(), forget.all());
        assertTrue(forget.out().contains("removed snapshot " + ids.get(0).substring(0, 8)) && forget.out().contains("prune:"),
                forget.out());
        assertEquals(List.of(ids.get(1)), snapshotIds());
        assertTrue(forget.out().contains("remove 1 unused packs") || forget.out().contains("repack"), forget.out());
        new Restic(repoDir, PASSWORD).run("check", "--read-data").ok();
    }

    @Test
    void forgetRefusesUnclearRequestsAndRemovesNothing() throws Exception {
        init();
        backup();
        backup();
        List<String> ids = snapshotIds();
        Cli.Run none = cli.run("forget");
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("no policy"), none.err());
        assertEquals(2, cli.run("forget", "--keep-last", "two").exit());
        assertEquals(2, cli.run("forget", "--keep-last", "-1").exit());
        assertEquals(2, cli.run("forget", "--keep-last", "1", ids.get(0)).exit());
        Cli.Run within = cli.run("forget", "--keep-within", "3 weeks");
        assertEquals(2, within.exit());
        assertTrue(within.err().contains("1y5m7d2h"), within.err());
        assertEquals(2, cli.run("forget", "--keep-last", "1", "--group-by", "colour").exit());
        assertEquals(2, cli.run("forget", "--keep-last", "1", "--max-unused", "5%").exit());
        Cli.Run unknown = cli.run("forget", "0000dead");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("no snapshot 0000dead"), unknown.err());
        assertEquals(ids, snapshotIds());
    }

    @Test
    void diffShowsAddedRemovedModifiedAndMetadataChanges() throws Exception {
        init();
        Files.writeString(src.resolve("gone.txt"), "bye\n");
        Files.writeString(src.resolve("mode.txt"), "same\n");
        backup();
        Files.delete(src.resolve("gone.txt"));
        Files.writeString(src.resolve("a.txt"), "changed content\n");
        Files.writeString(src.resolve("new.txt"), "hello\n");
        Fixture.mode(src.resolve("mode.txt"), 0600);
        backup();
        List<String> ids = snapshotIds();

        Cli.Run diff = cli.run("diff", ids.get(0).substring(0, 8), "latest");
        assertEquals(0, diff.exit(), diff.all());
        String out = diff.out();
        assertTrue(out.contains("-    " + src.resolve("gone.txt")), out);
        assertTrue(out.contains("+    " + src.resolve("new.txt")), out);
        assertTrue(out.contains("M    " + src.resolve("a.txt")), out);
        assertTrue(out.contains("U    " + src.resolve("mode.txt")), out);
        assertTrue(out.contains("added: 1, removed: 1, modified: 1"), out);

        Cli.Run json = cli.json("diff", ids.get(0), ids.get(1));
        assertTrue(json.out().contains("{\"message_type\":\"change\",\"path\":\"" + src.resolve("new.txt") + "\",\"modifier\":\"+\"}"),
                json.out());
        assertTrue(json.out().contains("\"message_type\":\"statistics\"") && json.out().contains("\"added\":1"), json.out());
        assertEquals(2, cli.run("diff", "latest").exit());
        assertEquals(1, cli.run("diff", "latest", "0000dead").exit());
    }

    @Test
    void findListsMatchesPerSnapshotOldestFirst() throws Exception {
        init();
        Files.writeString(Files.createDirectories(src.resolve("docs")).resolve("Report.TXT"), "r\n");
        backup();
        Files.writeString(src.resolve("docs/later.txt"), "l\n");
        backup();
        List<String> ids = snapshotIds();

        Cli.Run all = cli.run("find", "*.txt");
        assertEquals(0, all.exit(), all.all());
        String out = all.out();
        int first = out.indexOf("Found matching entries in snapshot " + ids.get(0).substring(0, 8));
        int second = out.indexOf("Found matching entries in snapshot " + ids.get(1).substring(0, 8));
        assertTrue(first >= 0 && second > first, out);
        assertTrue(out.substring(second).contains(src.resolve("docs/later.txt").toString()), out);
        assertFalse(out.substring(first, second).contains("later.txt"), out);
        assertFalse(out.contains("Report.TXT"), "case matters without -i: " + out);

        Cli.Run ignoreCase = cli.json("find", "-i", "report.txt", "--snapshot", "latest");
        assertEquals(0, ignoreCase.exit(), ignoreCase.all());
        assertTrue(ignoreCase.out().startsWith("[{\"matches\":[{\"path\":\"" + src.resolve("docs/Report.TXT") + "\",\"type\":\"file\""),
                ignoreCase.out());
        assertTrue(ignoreCase.out().contains("\"hits\":1,\"snapshot\":\"" + ids.get(1) + "\""), ignoreCase.out());

        Cli.Run path = cli.run("find", src + "/docs/*");
        assertTrue(path.out().contains(src.resolve("docs/Report.TXT").toString()), path.out());
        Cli.Run nothing = cli.run("find", "*.pdf");
        assertEquals(0, nothing.exit());
        assertTrue(nothing.err().contains("no matching entries"), nothing.err());
        assertEquals(2, cli.run("find").exit());
    }

    private static String hostOfThisMachine() {
        return io.backbench.backup.internal.SnapshotFinder.localHostname();
    }
}
