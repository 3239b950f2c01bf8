package io.backbench.backup.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.backup.api.BackupListener;
import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.api.BackupResult;
import io.backbench.backup.api.FileBackup;
import io.backbench.backup.api.FileRestore;
import io.backbench.backup.api.RestoreOptions;
import io.backbench.backup.api.RestoreResult;
import io.backbench.backup.testing.Repos;
import io.backbench.backup.testing.Restic;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repository;

/**
 * Linux file names are bytes: names that are not valid UTF-8 survive a round trip through
 * Backbench and restic 0.14 (the oracle) in both directions, byte for byte. The trees are compared
 * by GNU find and sha256sum (bytes, not the JVM's decoded strings). Needs the surefire argLine's
 * --add-opens (as bin/backbench).
 */
class NonUtf8NamesTest {
    @TempDir
    Path tmp;

    // (bash's $'..' makes the bytes; the script itself is ASCII, so the JVM passes it unchanged)
    private static final String MAKE = String.join("\n",
            "set -e",
            "mkdir -p src/$'\\xff\\xfe dir' src/ok",
            "printf latin1 > src/caf$'\\xe9'.txt",
            "printf other > src/caf$'\\xe8'.txt", // both are caf\ufffd.txt to the JDK's decoder
            "printf real > src/$'\\xef\\xbf\\xbd'", // a real U+FFFD, valid UTF-8
            "printf inner > src/$'\\xff\\xfe dir'/x$'\\x80'y",
            "printf utf8 > src/ok/caf$'\\xc3\\xa9'",
            // (a target that is not UTF-8 is lost by restic 0.14 itself: linktarget is a plain JSON string)
            "ln -s ok/caf$'\\xc3\\xa9' src/link$'\\xfe'",
            "mkfifo src/$'\\xfe'fifo",
            "touch -h -d @1700000000.123456789 src/caf$'\\xe9'.txt src/link$'\\xfe' src/$'\\xfe'fifo src/$'\\xff\\xfe dir'/x$'\\x80'y",
            "touch -d @1700000100.987654321 src/$'\\xff\\xfe dir' src/ok");

    @Test
    void resticRestoresOurBackupOfNamesThatAreNotUtf8ByteForByte() throws Exception {
        Path src = makeSource();
        Path repoDir = tmp.resolve("repo");
        BackupResult r;
        try (Repository repo = Repos.init(repoDir)) {
            r = FileBackup.backup(repo, BackupOptions.of(src), BackupListener.NONE, () -> false);
        }
        assertTrue(r.complete(), r.warnings().toString());
        Restic restic = new Restic(repoDir, Repos.PASSWORD);
        String check = restic.run("check", "--read-data").ok().out();
        assertTrue(check.contains("no errors were found"), check);
        Path target = tmp.resolve("restic-restored");
        restic.run("restore", r.snapshot().hex(), "--target", target.toString()).ok();
        assertEquals(state(src), state(ResticOracleTest.restoredAt(target, src)));
    }

    @Test
    void weRestoreResticsBackupOfNamesThatAreNotUtf8ByteForByte() throws Exception {
        Path src = makeSource();
        Path repoDir = tmp.resolve("repo");
        Repos.init(repoDir).close();
        new Restic(repoDir, Repos.PASSWORD).run("backup", src.toString()).ok();
        Path target = tmp.resolve("restored");
        RestoreResult rr;
        try (Repository repo = Repos.open(repoDir)) {
            Id snap = repo.listSnapshots().get(0);
            rr = FileRestore.restore(repo, snap, RestoreOptions.to(target).withVerify(true), null, () -> false);
        }
        assertEquals(List.of(), rr.errors());
        assertEquals(state(src), state(ResticOracleTest.restoredAt(target, src)));
        assertEquals("", run(List.of("find", target.toString(), "-maxdepth", "1", "-name", ".backbench-*")),
                "the staging folder for commands is removed");
    }

    @Test
    void anIncrementalBackupFindsUnchangedFilesWithSuchNamesInTheParent() throws Exception {
        Path src = makeSource();
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            FileBackup.backup(repo, BackupOptions.of(src), BackupListener.NONE, () -> false);
            BackupResult second = FileBackup.backup(repo, BackupOptions.of(src), BackupListener.NONE, () -> false);
            assertTrue(second.complete(), second.warnings().toString());
            assertEquals(0, second.filesNew() + second.filesChanged(), second.toString());
        }
    }

    @Test
    void withoutTheJvmOptionSuchNamesAreReportedAsNotBackedUpNeverStoredWrongly() throws Exception {
        Path src = makeSource();
        String out = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), NoRawNamesChild.class.getName(), tmp.resolve("repo").toString(), src.toString()));
        assertTrue(out.contains("COMPLETE false"), out);
        // the five names that are not UTF-8, and the real U+FFFD (indistinguishable without the bytes)
        assertEquals(6, out.lines().filter(l -> l.contains("not backed up: its name is not valid UTF-8")
                && l.contains("--add-opens java.base/sun.nio.fs=ALL-UNNAMED")).count(), out);
        try (Repository repo = Repos.open(tmp.resolve("repo"))) {
            Id snap = repo.listSnapshots().get(0);
            RestoreResult rr = FileRestore.restore(repo, snap, RestoreOptions.to(tmp.resolve("restored")), null, () -> false);
            assertEquals(List.of(), rr.errors());
        }
        assertEquals("ok d\nok/caf\u00c3\u00a9 f", run(List.of("find", ResticOracleTest.restoredAt(tmp.resolve("restored"), src).toString(),
                "-mindepth", "1", "-printf", "%P %y\\n")).strip().lines().sorted().reduce((a, b) -> a + "\n" + b).orElse(""),
                "only the valid names were stored");
    }

    private Path makeSource() throws Exception {
        run(List.of("bash", "-c", "cd \"$1\" && " + MAKE, "make", tmp.toString()));
        String listing = state(tmp.resolve("src"));
        assertTrue(listing.contains("caf\u00e9.txt") && listing.contains("caf\u00e8.txt"), listing); // (ISO-8859-1 view)
        return tmp.resolve("src");
    }

    /** Every entry below {@code dir}: name bytes (as ISO-8859-1), type, mode, size, mtime (ns), link target, content hash. */
    private static String state(Path dir) throws Exception {
        String meta = run(List.of("find", dir.toString(), "-mindepth", "1", "-printf", "%P %y %m %s %T@ %l\\n"));
        String sums = run(List.of("bash", "-c", "cd \"$1\" && find . -type f -print0 | xargs -0 -r sha256sum -z", "sum", dir.toString()));
        List<String> lines = new ArrayList<>(meta.lines().toList());
        lines.addAll(List.of(sums.split("\0")));
        lines.removeIf(String::isEmpty);
        lines.sort(null);
        return String.join("\n", lines);
    }

    /** Runs a command; its output as ISO-8859-1 (one char per byte, so names keep their bytes). */
    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        int rc = p.waitFor();
        String text = out.toString(StandardCharsets.ISO_8859_1);
        if (rc != 0) {
            throw new AssertionError(cmd + " exited " + rc + ": " + text);
        }
        return text;
    }
}
