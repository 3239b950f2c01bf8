package io.backbench.backup.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.api.BackupResult;
import io.backbench.backup.api.FileBackup;
import io.backbench.backup.testing.Fixture;
import io.backbench.backup.testing.Repos;
import io.backbench.backup.testing.Restic;
import io.backbench.repository.api.Repository;

class FaultsTest {
    @TempDir
    Path tmp;

    /**
     * An unreadable file, for real and as root: the kernel's /proc/PID/mem of this JVM is a regular
     * file that lstat sees, and reading it at offset 0 fails with EIO (that page is not mapped).
     */
    static Path unreadableFile() {
        return Path.of("/proc/" + ProcessHandle.current().pid() + "/mem");
    }

    @Test
    void anUnreadableFileIsAWarningAndTheSnapshotIsSavedWithoutIt() throws Exception {
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("fine.txt"), "fine");
        Path repoDir = tmp.resolve("repo");
        BackupResult r;
        try (Repository repo = Repos.init(repoDir)) {
            r = FileBackup.backup(repo, BackupOptions.of(src, unreadableFile()), null, null);
            assertEquals(1, repo.listSnapshots().size());
        }
        assertFalse(r.complete());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith(unreadableFile() + ": cannot read the file"), r.warnings().get(0));
        Restic restic = new Restic(repoDir, Repos.PASSWORD);
        restic.run("check", "--read-data").ok();
        String ls = restic.run("ls", "latest").ok().out();
        assertTrue(ls.contains(src.resolve("fine.txt").toString()), ls);
        assertFalse(ls.lines().anyMatch(l -> l.endsWith("/mem")), ls);
    }

    @Test
    void aCancelledBackupIndexesItsPacksAndTheNextRunReusesThem() throws Exception {
        Path src = tmp.resolve("src");
        Random rnd = new Random(5);
        for (int i = 0; i < 12; i++) {
            Files.write(Files.createDirectories(src).resolve("f" + i), Fixture.bytes(rnd, 2 << 20));
        }
        Path repoDir = tmp.resolve("repo");
        try (Repository repo = Repos.init(repoDir)) {
            // stop once the engine has opened 5 of the 12 files
            AtomicLong opened = new AtomicLong();
            FileOpener counting = new FileOpener() {
                @Override
                public java.nio.channels.FileChannel open(Path file) throws java.io.IOException {
                    opened.incrementAndGet();
                    return FileOpener.DEFAULT.open(file);
                }

                @Override
                public List<io.backbench.repository.api.ExtendedAttribute> xattrs(Path path) throws java.io.IOException {
                    return FileOpener.DEFAULT.xattrs(path);
                }
            };
            BackupOptions slow = BackupOptions.of(src).withThreads(1);
            assertThrows(CancellationException.class,
                    () -> new BackupEngine(repo, slow, null, () -> opened.get() >= 5, counting).run());
            assertEquals(0, repo.listSnapshots().size());
        }
        long indexedAfterCancel;
        try (Repository repo = Repos.open(repoDir)) {
            indexedAfterCancel = repo.index().size();
            assertTrue(indexedAfterCancel > 0, "the cancelled run wrote the index of what it uploaded");
            BackupResult r = FileBackup.backup(repo, BackupOptions.of(src), null, null);
            assertTrue(r.complete());
            assertTrue(r.bytesNew() > 0 && r.bytesNew() <= (20L << 20), "reused the cancelled run's chunks; new: " + r.bytesNew());
        }
        new Restic(repoDir, Repos.PASSWORD).run("check", "--read-data").ok();
    }

    /**
     * A file replaced by a named pipe after the walk listed it (the default opener, as the engine
     * uses it): a warning, not a backup that waits for a writer forever.
     */
    @Test
    void aFileReplacedByANamedPipeSinceItWasListedIsAWarningNotAHang() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("fine.txt"), "fine");
        Path victim = Files.writeString(src.resolve("victim.log"), "soon a pipe");
        FileOpener swapping = new FileOpener() {
            @Override
            public java.nio.channels.FileChannel open(Path file) throws java.io.IOException {
                if (file.equals(victim)) {
                    Files.delete(file);
                    try {
                        assertEquals(0, new ProcessBuilder("mkfifo", file.toString()).inheritIO().start().waitFor());
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                }
                return FileOpener.DEFAULT.open(file);
            }

            @Override
            public List<io.backbench.repository.api.ExtendedAttribute> xattrs(Path path) throws java.io.IOException {
                return FileOpener.DEFAULT.xattrs(path);
            }
        };
        Path repoDir = tmp.resolve("repo");
        BackupResult r;
        try (Repository repo = Repos.init(repoDir)) {
            try {
                r = assertTimeoutPreemptively(java.time.Duration.ofSeconds(120),
                        () -> new BackupEngine(repo, BackupOptions.of(src), null, () -> false, swapping).run());
            } catch (AssertionError waited) {
                // the defect this guards against: let the reader left waiting go, with a writer
                new ProcessBuilder("timeout", "5", "sh", "-c", ": > \"$1\"", "_", victim.toString()).start().waitFor();
                throw waited;
            }
            assertEquals(1, repo.listSnapshots().size());
        }
        assertFalse(r.complete());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith(victim + ": cannot read the file") && r.warnings().get(0).contains("not a regular file"),
                r.warnings().get(0));
        String ls = new Restic(repoDir, Repos.PASSWORD).run("ls", "latest").ok().out();
        assertTrue(ls.contains(src.resolve("fine.txt").toString()), ls);
    }

    @Test
    void aMissingSourceIsAClearErrorAndNothingIsSaved() throws Exception {
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            Exception e = assertThrows(java.io.IOException.class,
                    () -> FileBackup.backup(repo, BackupOptions.of(tmp.resolve("not-there")), null, null));
            assertTrue(e.getMessage().contains("not-there"), e.getMessage());
            assertEquals(List.of(), repo.listSnapshots());
        }
    }
}
