package io.backbench.backup.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
import io.backbench.backup.testing.Fixture;
import io.backbench.backup.testing.Repos;
import io.backbench.backup.testing.Restic;
import io.backbench.backup.testing.TreeState;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repository;

/** The acceptance against restic 0.14, the oracle: each side restores what the other wrote, identically. */
class ResticOracleTest {
    @TempDir
    Path tmp;

    /** Where a restore of a snapshot of {@code src} puts it: restic recreates the absolute path below the target. */
    static Path restoredAt(Path target, Path src) {
        return target.resolve(src.toAbsolutePath().toString().substring(1));
    }

    @Test
    void resticChecksOurBackupAndRestoresEveryKindOfEntryIdentically() throws Exception {
        Path src = tmp.resolve("source");
        Fixture.build(src, 1);
        TreeState before = TreeState.of(src);
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
        TreeState after = TreeState.of(restoredAt(target, src));
        assertEquals("", before.diff(after));
        assertEquals(before, after);
    }

    @Test
    void weRestoreOurBackupIdenticallyVerifiedAndSparse() throws Exception {
        Path src = tmp.resolve("source");
        Fixture.build(src, 2);
        TreeState before = TreeState.of(src);
        Path repoDir = tmp.resolve("repo");
        Path target = tmp.resolve("restored");
        RestoreResult rr;
        try (Repository repo = Repos.init(repoDir)) {
            Id snap = FileBackup.backup(repo, BackupOptions.of(src), BackupListener.NONE, () -> false).snapshot();
            rr = FileRestore.restore(repo, snap, RestoreOptions.to(target).withVerify(true), null, () -> false);
        }
        assertEquals(List.of(), rr.errors());
        assertTrue(rr.verified() > 10, "files verified: " + rr.verified());
        Path restored = restoredAt(target, src);
        assertEquals("", before.diff(TreeState.of(restored)));
        long blocks = (Long) Files.getAttribute(restored.resolve("sparse.img"), "unix:size") ;
        assertEquals(6 << 20, blocks);
        assertTrue(allocated(restored.resolve("sparse.img")) < 2 << 20,
                "a 6 MiB file with 5 KiB of data is restored sparse, allocated " + allocated(restored.resolve("sparse.img")));
    }

    @Test
    void weRestoreAResticBackupIdentically() throws Exception {
        Path src = tmp.resolve("source");
        Fixture.build(src, 3);
        TreeState before = TreeState.of(src);
        Path repoDir = tmp.resolve("restic-repo");
        Restic restic = new Restic(repoDir, Repos.PASSWORD);
        restic.run("init", "--repository-version", "2").ok();
        restic.run("backup", src.toString()).ok();
        Path target = tmp.resolve("restored");
        RestoreResult rr;
        try (Repository repo = Repos.open(repoDir)) {
            Id snap = repo.listSnapshots().get(0);
            rr = FileRestore.restore(repo, snap, RestoreOptions.to(target).withVerify(true), null, () -> false);
        }
        assertEquals(List.of(), rr.errors());
        assertEquals("", before.diff(TreeState.of(restoredAt(target, src))));
    }

    @Test
    void aResticBackupOfTheSameTreeDeduplicatesAgainstOurData() throws Exception {
        Path src = tmp.resolve("source");
        Fixture.build(src, 4);
        Path repoDir = tmp.resolve("repo");
        try (Repository repo = Repos.init(repoDir)) {
            FileBackup.backup(repo, BackupOptions.of(src), BackupListener.NONE, () -> false);
        }
        Restic restic = new Restic(repoDir, Repos.PASSWORD);
        String json = restic.run("backup", "--json", "--force", src.toString()).ok().out();
        String summary = json.lines().filter(l -> l.contains("\"summary\"")).findFirst().orElseThrow(() -> new AssertionError(json));
        long added = Long.parseLong(summary.replaceAll(".*\"data_added\":(\\d+).*", "$1"));
        long blobs = Long.parseLong(summary.replaceAll(".*\"data_blobs\":(\\d+).*", "$1"));
        assertEquals(0, blobs, "restic found every data chunk in our packs: " + summary);
        assertTrue(added < 64 << 10, "only tree metadata is new: " + summary);
        restic.run("check", "--read-data").ok();
    }

    static long allocated(Path p) throws Exception {
        String out = new String(new ProcessBuilder("stat", "-c", "%b %B", p.toString()).start().getInputStream().readAllBytes()).trim();
        String[] parts = out.split(" ");
        return Long.parseLong(parts[0]) * Long.parseLong(parts[1]);
    }
}
