package io.backbench.backup.internal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.backup.testing.FailingTarget;
import io.backbench.backup.testing.Fixture;
import io.backbench.backup.testing.Restic;
import io.backbench.backup.testing.TreeState;
import io.backbench.target.disk.internal.DiskTargetFactory;

/**
 * Acceptance, faults, through the commands a user runs: the target failing mid-upload, a disk
 * that runs full (in a backup and in an init); a restore onto a disk that runs full, into a file, onto
 * a read-only disk. Each fails the backup with a message that says what happened and what to do,
 * leaves the earlier snapshot restorable and the repository passing check (ours and restic's), and
 * the next run succeeds. (SIGKILL mid-backup: product's KilledBackupIT; a wrong password:
 * CliTest#aWrongPasswordAndAMissingRepositoryAreClearErrors; a flipped byte:
 * RepoMaintenanceCommandsTest.)
 */
class TargetFaultsTest {
    static final String PASSWORD = "secret";

    @TempDir
    Path tmp;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            sh("umount", mounted.toString());
        }
    }

    @Test
    void aTargetFailingMidUploadFailsTheBackupClearlyAndDamagesNothing() throws Exception {
        Path repoDir = tmp.resolve("repo");
        Cli cli = new Cli(repoDir, PASSWORD);
        assertEquals(0, cli.run("repo", "init").exit());
        Path early = early();
        assertEquals(0, cli.run("backup", early.toString()).exit());
        Path src = big(48 << 20); // three packs of 16 MiB

        cli.types = Cli.only(FailingTarget.factory(new DiskTargetFactory(), 2));
        Cli.Run failed = cli.run("backup", src.toString());
        assertEquals(1, failed.exit(), failed.all());
        assertTrue(failed.err().contains(FailingTarget.MESSAGE) && failed.err().contains("could not write data/"),
                "says which upload failed and why: " + failed.err());
        cli.types = Cli.DISK_ONLY;

        assertEquals(1, snapshots(cli), "no snapshot from the failed run");
        Cli.Run check = cli.run("repo", "check", "--read-data");
        assertEquals(0, check.exit(), check.all());
        new Restic(repoDir, PASSWORD).run("check", "--read-data").ok();
        restoresEarly(cli, early);

        Cli.Run next = cli.run("backup", src.toString());
        assertEquals(0, next.exit(), next.all());
        restoresLatest(cli, src);
        new Restic(repoDir, PASSWORD).run("check", "--read-data").ok();
    }

    @Test
    void aDiskThatRunsFullFailsTheBackupSayingSoAndAfterFreeingSpaceTheNextRunWorks() throws Exception {
        mounted = Files.createDirectories(tmp.resolve("small-disk"));
        // a real small file system; the tests run as root here and in CI, so a failure to mount is a failure
        assertEquals(0, sh("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mounted.toString()),
                "cannot mount an 8 MiB tmpfs (the test needs root)");
        Path repoDir = mounted.resolve("repo");
        Cli cli = new Cli(repoDir, PASSWORD);
        assertEquals(0, cli.run("repo", "init").exit());
        Path early = early();
        assertEquals(0, cli.run("backup", early.toString()).exit());
        Path src = big(12 << 20);

        Cli.Run full = cli.run("backup", src.toString());
        assertEquals(1, full.exit(), full.all());
        assertTrue(full.err().contains("is full") && full.err().contains("Free space"),
                "says the target is full and what to do: " + full.err());
        assertEquals(1, snapshots(cli));
        restoresEarly(cli, early);
        Cli.Run check = cli.run("repo", "check", "--read-data");
        assertEquals(0, check.exit(), "the full disk left the repository sound: " + check.all());

        assertEquals(0, sh("mount", "-o", "remount,size=64m", mounted.toString()), "grow the file system: space freed");
        new Restic(repoDir, PASSWORD).run("check", "--read-data").ok();
        Cli.Run next = cli.run("backup", src.toString());
        assertEquals(0, next.exit(), next.all());
        restoresLatest(cli, src);
        restoresEarly(cli, early);
        new Restic(repoDir, PASSWORD).run("check", "--read-data").ok();
    }

    @Test
    void anInitOnADiskThatRunsFullLeavesNoKeyBehindAndWorksOnceThereIsSpace() throws Exception {
        mounted = Files.createDirectories(tmp.resolve("small-disk"));
        assertEquals(0, sh("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mounted.toString()),
                "cannot mount a 2 MiB tmpfs (the test needs root)");
        // one 4 KiB page left: room for the key file, not for the config after it
        Path filler = Files.write(mounted.resolve("filler"), new byte[(2 << 20) - 4096]);
        Path repoDir = mounted.resolve("repo");
        Cli cli = new Cli(repoDir, PASSWORD);
        Cli.Run full = cli.run("repo", "init");
        assertEquals(1, full.exit(), full.all());
        assertTrue(full.err().contains("is full"), full.err());
        try (Stream<Path> keys = Files.list(repoDir.resolve("keys"))) {
            assertEquals(List.of(), keys.toList(), "no key without a config is left behind");
        }

        Files.delete(filler);
        Cli.Run init = cli.run("repo", "init");
        assertEquals(0, init.exit(), init.all());
        try (Stream<Path> keys = Files.list(repoDir.resolve("keys"))) {
            assertEquals(1, keys.count());
        }
        new Restic(repoDir, PASSWORD).run("check").ok();
    }

    @Test
    void aRestoreOntoADiskThatRunsFullStopsSayingSoLeavesNoPartlyWrittenFileAndWorksOnceThereIsSpace() throws Exception {
        Cli cli = new Cli(tmp.resolve("repo"), PASSWORD);
        assertEquals(0, cli.run("repo", "init").exit());
        Path src = Files.createDirectories(tmp.resolve("to-restore"));
        Random rnd = new Random(11);
        for (int i = 0; i < 60; i++) {
            Files.write(src.resolve("small-" + i + ".bin"), Fixture.bytes(rnd, 100_000));
        }
        for (int i = 0; i < 3; i++) {
            Files.write(src.resolve("large-" + i + ".bin"), Fixture.bytes(rnd, 4 << 20));
        }
        Files.createSymbolicLink(src.resolve("link"), Path.of("small-1.bin"));
        assertEquals(0, cli.run("backup", src.toString()).exit());

        mounted = Files.createDirectories(tmp.resolve("small-disk"));
        assertEquals(0, sh("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mounted.toString()),
                "cannot mount an 8 MiB tmpfs (the test needs root)");
        Path target = mounted.resolve("restore");
        Cli.Run full = cli.run("restore", "latest", "--target", target.toString());
        assertEquals(1, full.exit(), full.all());
        assertTrue(full.err().contains("is full") && full.err().contains("Free at least"),
                "says the target is full and what to do: " + full.err());
        assertEquals(1, full.err().lines().filter(l -> l.startsWith("error:")).count(),
                "one error for the full disk, not one per file: " + full.err());
        Path restored = target.resolve(src.toString().substring(1));
        int complete = 0;
        try (Stream<Path> files = Files.walk(restored)) {
            for (Path f : (Iterable<Path>) files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))::iterator) {
                assertArrayEquals(Files.readAllBytes(src.resolve(restored.relativize(f).toString())), Files.readAllBytes(f),
                        "a file left in the target is whole: " + f);
                complete++;
            }
        }
        assertTrue(complete < 63, "8 MiB cannot hold the 18 MiB of files: " + complete);
        assertTrue(full.out().contains("restored " + complete + " files,"), "counts the files restored: " + full.out());

        assertEquals(0, sh("mount", "-o", "remount,size=64m", mounted.toString()), "grow the file system: space freed");
        Cli.Run again = cli.run("restore", "latest", "--target", target.toString(), "--verify");
        assertEquals(0, again.exit(), again.all());
        assertEquals("", TreeState.of(src).diff(TreeState.of(restored)));
    }

    @Test
    void aRestoreIntoAFileOrOntoAReadOnlyDiskSaysSoOnce() throws Exception {
        Cli cli = new Cli(tmp.resolve("repo"), PASSWORD);
        assertEquals(0, cli.run("repo", "init").exit());
        Path src = early();
        Files.createDirectories(src.resolve("a/b/c"));
        Files.writeString(src.resolve("a/b/c/deep.txt"), "below\n");
        Files.createSymbolicLink(src.resolve("a/link"), Path.of("b"));
        assertEquals(0, cli.run("backup", src.toString()).exit());

        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder\n");
        Cli.Run intoFile = cli.run("restore", "latest", "--target", file.toString());
        assertEquals(1, intoFile.exit(), intoFile.all());
        assertTrue(intoFile.err().contains(file + " is a file, not a folder"), intoFile.err());
        assertEquals("not a folder\n", Files.readString(file), "the file is left alone");

        mounted = Files.createDirectories(tmp.resolve("read-only"));
        assertEquals(0, sh("mount", "-t", "tmpfs", "-o", "size=8m,ro", "tmpfs", mounted.toString()),
                "cannot mount a read-only tmpfs (the test needs root)");
        Cli.Run readOnly = cli.run("restore", "latest", "--target", mounted.toString());
        assertEquals(1, readOnly.exit(), readOnly.all());
        List<String> errors = readOnly.err().lines().filter(l -> l.startsWith("error:")).toList();
        assertEquals(1, errors.size(), "one error for the folder that could not be made, not one per entry below: "
                + readOnly.err());
        assertTrue(errors.get(0).contains("Read-only file system") && errors.get(0).contains("nothing below it is restored"),
                errors.get(0));
        assertTrue(readOnly.out().contains("restored 0 files, 0 folders, 0 other entries"), readOnly.out());
    }

    private Path early() throws Exception {
        Path early = Files.createDirectories(tmp.resolve("early"));
        Files.writeString(early.resolve("before.txt"), "saved before the fault\n");
        Files.write(early.resolve("some.bin"), Fixture.bytes(new Random(2), 200_000));
        return early;
    }

    private Path big(int bytes) throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Random rnd = new Random(7);
        for (int i = 0; i < bytes / (4 << 20); i++) {
            Files.write(src.resolve("part" + i + ".bin"), Fixture.bytes(rnd, 4 << 20));
        }
        return src;
    }

    private int snapshots(Cli cli) {
        Cli.Run r = cli.json("snapshots");
        assertEquals(0, r.exit(), r.all());
        Matcher m = Pattern.compile("\"short_id\"").matcher(r.out());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private void restoresEarly(Cli cli, Path early) throws Exception {
        Cli.Run list = cli.json("snapshots");
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f]{64})\"").matcher(list.out());
        assertTrue(m.find(), list.out());
        Path target = Files.createTempDirectory(tmp, "restore-early");
        Cli.Run r = cli.run("restore", m.group(1), "--target", target.toString(), "--verify");
        assertEquals(0, r.exit(), r.all());
        assertEquals("", TreeState.of(early).diff(TreeState.of(target.resolve(early.toString().substring(1)))));
    }

    private void restoresLatest(Cli cli, Path src) throws Exception {
        Path target = Files.createTempDirectory(tmp, "restore-latest");
        Cli.Run r = cli.run("restore", "latest", "--target", target.toString(), "--verify");
        assertEquals(0, r.exit(), r.all());
        assertEquals("", TreeState.of(src).diff(TreeState.of(target.resolve(src.toString().substring(1)))));
    }

    private static int sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        if (p.exitValue() != 0) {
            System.err.println(String.join(" ", cmd) + ": " + out);
        }
        return p.exitValue();
    }
}
