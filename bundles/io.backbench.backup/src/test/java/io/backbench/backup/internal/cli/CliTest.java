package io.backbench.backup.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.backup.testing.Fixture;
import io.backbench.backup.testing.Restic;
import io.backbench.backup.testing.TreeState;
import io.backbench.cli.api.Command;
import io.backbench.core.api.ConfiguredTargets;

/** The restic-style commands, run as the dispatcher runs them, on the real disk target. */
class CliTest {
    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>(Map.of("BACKBENCH_PASSWORD", "secret"));

    static final ConfiguredTargets DISK_ONLY = Cli.DISK_ONLY;

    record Run(int exit, String out, String err) {
    }

    Run run(Command c, boolean json, String... args) {
        Cli.Run r = Cli.run(c, json, args);
        return new Run(r.exit(), r.out(), r.err());
    }

    RepoCommand repo() {
        return new RepoCommand(DISK_ONLY, env::get);
    }

    BackupCommand backup() {
        return new BackupCommand(DISK_ONLY, env::get, tmp.resolve("cache"));
    }

    @Test
    void initBackupSnapshotsLsAndRestoreWorkTogetherAndWithRestic() throws Exception {
        Path repoDir = tmp.resolve("repo");
        env.put("BACKBENCH_REPOSITORY", repoDir.toString());
        Path src = tmp.resolve("src");
        Fixture.build(src, 11);
        assertEquals(0, run(repo(), false, "init").exit());

        Run b = run(backup(), true, src.toString(), "--exclude", "*.bin", "--tag", "daily");
        assertEquals(0, b.exit(), b.err());
        assertTrue(b.out().contains("\"complete\":true"), b.out());

        Run snaps = run(new SnapshotsCommand(DISK_ONLY, env::get), true);
        assertEquals(0, snaps.exit(), snaps.err());
        assertTrue(snaps.out().contains("\"tags\":[\"daily\"]") && snaps.out().contains("\"paths\":[\"" + src + "\"]"), snaps.out());

        Run ls = run(new LsCommand(DISK_ONLY, env::get), false, "latest", src.resolve("plain").toString());
        assertEquals(0, ls.exit(), ls.err());
        assertTrue(ls.out().contains(src.resolve("plain/text.txt").toString()), ls.out());
        assertTrue(!ls.out().contains("random.bin"), "excluded: " + ls.out());

        Path target = tmp.resolve("restored");
        Run r = run(new RestoreCommand(DISK_ONLY, env::get), false, "latest", "--target", target.toString(), "--include",
                src.resolve("deep").toString(), "--verify");
        assertEquals(0, r.exit(), r.out() + r.err());
        Path restored = target.resolve(src.toString().substring(1));
        assertEquals("", TreeState.of(src.resolve("deep")).diff(TreeState.of(restored.resolve("deep"))));
        assertTrue(!Files.exists(restored.resolve("plain")), "only the included path is restored");

        new Restic(repoDir, "secret").run("check", "--read-data").ok();
    }

    @Test
    void anUnreadableFileGivesExitCode3AndASnapshot() throws Exception {
        Path repoDir = tmp.resolve("repo");
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("ok"), "ok");
        assertEquals(0, run(repo(), false, "-r", repoDir.toString(), "init").exit());
        // /proc/PID/mem of this JVM: a real file whose read fails with EIO (see FaultsTest)
        Run b = run(backup(), false, "-r", repoDir.toString(), src.toString(), "/proc/" + ProcessHandle.current().pid() + "/mem");
        assertEquals(3, b.exit(), b.out() + b.err());
        assertTrue(b.err().contains("incomplete"), b.err());
        assertTrue(b.out().contains("snapshot") && b.out().contains("saved"), b.out());
    }

    @Test
    void aWrongPasswordAndAMissingRepositoryAreClearErrors() throws Exception {
        Path repoDir = tmp.resolve("repo");
        assertEquals(0, run(repo(), false, "-r", repoDir.toString(), "init").exit());
        env.put("BACKBENCH_PASSWORD", "not the password");
        Run wrong = run(new SnapshotsCommand(DISK_ONLY, env::get), false, "-r", repoDir.toString());
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("wrong password"), wrong.err());

        Run missing = run(new SnapshotsCommand(DISK_ONLY, env::get), false, "-r", tmp.resolve("nothing").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("backbench repo init"), missing.err());
        assertTrue(!Files.exists(tmp.resolve("nothing")), "looking does not create the folder");

        env.remove("BACKBENCH_PASSWORD");
        Path pw = tmp.resolve("pw");
        Files.writeString(pw, "secret\n");
        env.put("BACKBENCH_PASSWORD", "secret");
        Run fromFile = run(new SnapshotsCommand(DISK_ONLY, env::get), false, "-r", repoDir.toString(), "--password-file", pw.toString());
        assertEquals(0, fromFile.exit(), fromFile.err());
    }

    @Test
    void usageErrorsSayWhatIsWrong() {
        Run noPath = run(backup(), false, "-r", tmp.toString());
        assertEquals(2, noPath.exit());
        Run badOption = run(backup(), false, "--frobnicate", "x");
        assertEquals(2, badOption.exit());
        assertTrue(badOption.err().contains("--frobnicate"), badOption.err());
        Run noTarget = run(new RestoreCommand(DISK_ONLY, env::get), false, "latest");
        assertEquals(2, noTarget.exit());
        assertTrue(noTarget.err().contains("--target"), noTarget.err());
    }

    @Test
    void keysCanBeAddedListedAndTheNewPasswordOpensTheRepository() throws Exception {
        Path repoDir = tmp.resolve("repo");
        env.put("BACKBENCH_REPOSITORY", repoDir.toString());
        assertEquals(0, run(repo(), false, "init").exit());
        env.put("BACKBENCH_NEW_PASSWORD", "second");
        Run add = run(repo(), false, "key", "add");
        assertEquals(0, add.exit(), add.err());
        Run list = run(repo(), true, "key", "list");
        assertEquals(2, list.out().split("\"id\"").length - 1, list.out());
        new Restic(repoDir, "second").run("cat", "config").ok();
    }
}
