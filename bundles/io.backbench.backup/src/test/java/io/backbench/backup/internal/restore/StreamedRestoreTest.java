package io.backbench.backup.internal.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.backup.api.BackupListener;
import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.api.FileBackup;
import io.backbench.backup.api.FileRestore;
import io.backbench.backup.api.RestoreListener;
import io.backbench.backup.api.RestoreOptions;
import io.backbench.backup.api.RestoreResult;
import io.backbench.backup.testing.Repos;
import io.backbench.backup.testing.TreeState;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repository;

/**
 * A restore writes while it still reads the snapshot's trees: file contents go to the writers in
 * batches (of at most 1024 files), folders are made as the walk meets them. These check what that
 * must not change: the restored tree, hard links whose names fall in different batches, the
 * folders an include selects, and progress totals that are final from the first report.
 */
class StreamedRestoreTest {
    @TempDir
    Path tmp;

    @Test
    void aTreeOfSeveralBatchesWithHardLinksAcrossThemRestoresIdentically() throws Exception {
        Path src = tmp.resolve("src");
        List<Path> files = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            Path dir = Files.createDirectories(src.resolve("d" + d).resolve("inner"));
            for (int f = 0; f < 500; f++) {
                Path p = dir.resolve("f" + f);
                Files.writeString(p, "folder " + d + " file " + f + "\n".repeat(f % 7));
                files.add(p);
            }
            Files.createDirectories(src.resolve("d" + d).resolve("empty"));
            Files.createSymbolicLink(src.resolve("d" + d).resolve("link"), Path.of("inner/f1"));
        }
        // the first name of the group is in the first batch, the others in the third
        Files.createLink(src.resolve("d5/inner/hard-a"), files.get(3));
        Files.createLink(src.resolve("d5/hard-b"), files.get(3));
        TreeState before = TreeState.of(src);
        assertEquals(1, before.hardLinkGroups().size(), before.hardLinkGroups().toString());

        Path target = tmp.resolve("restored");
        List<long[]> totals = new ArrayList<>();
        // the walk polls for cancellation on the calling thread at every entry: once the first batch is
        // with the writers, it is slowed down, so they finish files (and would report) while it still walks
        Thread walking = Thread.currentThread();
        AtomicInteger polls = new AtomicInteger();
        BooleanSupplier slowWalk = () -> {
            if (Thread.currentThread() == walking && polls.incrementAndGet() > 1100 && polls.get() < 1400) {
                LockSupport.parkNanos(3_000_000);
            }
            return false;
        };
        RestoreResult r;
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            Id snap = FileBackup.backup(repo, BackupOptions.of(src), BackupListener.NONE, () -> false).snapshot();
            r = FileRestore.restore(repo, snap, RestoreOptions.to(target).withVerify(true), recordTotals(totals), slowWalk);
        }
        assertEquals(List.of(), r.errors());
        assertEquals(3000, r.verified(), "every written file is read back and compared");
        assertEquals("", before.diff(TreeState.of(restoredAt(target, src))));
        assertFalse(totals.isEmpty(), "progress was reported");
        long[] last = totals.get(totals.size() - 1);
        assertEquals(3002, last[0], "files in the snapshot, both extra names of the hard link included");
        for (long[] t : totals) {
            assertEquals(last[0], t[0], "the file total is final from the first report");
            assertEquals(last[1], t[1], "the byte total is final from the first report");
        }
    }

    @Test
    void anIncludeMakesOnlyTheFoldersLeadingToWhatItSelects() throws Exception {
        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("a/b/c"));
        Files.writeString(src.resolve("a/b/c/wanted.txt"), "wanted");
        Files.writeString(src.resolve("a/b/other.txt"), "not wanted");
        Files.createDirectories(src.resolve("a/x/y"));
        Files.writeString(src.resolve("a/x/y/deep.txt"), "not wanted");
        Files.createDirectories(src.resolve("a/kept-empty"));
        Files.createDirectories(src.resolve("z"));
        Path target = tmp.resolve("restored");
        String abs = src.toAbsolutePath().toString();
        RestoreResult r;
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            Id snap = FileBackup.backup(repo, BackupOptions.of(src), BackupListener.NONE, () -> false).snapshot();
            r = FileRestore.restore(repo, snap,
                    RestoreOptions.to(target).withIncludes(List.of(abs + "/a/b/c/wanted.txt", abs + "/a/kept-empty")), null,
                    () -> false);
        }
        assertEquals(List.of(), r.errors());
        Path at = restoredAt(target, src);
        assertEquals("wanted", Files.readString(at.resolve("a/b/c/wanted.txt"), StandardCharsets.UTF_8));
        assertTrue(Files.isDirectory(at.resolve("a/kept-empty")), "an included empty folder is made");
        assertFalse(Files.exists(at.resolve("a/b/other.txt")));
        assertFalse(Files.exists(at.resolve("a/x")), "a folder with nothing selected below it is not made");
        assertFalse(Files.exists(at.resolve("z")));
        assertEquals(1, r.files());
    }

    @Test
    void anIncludeThatMatchesNothingFailsWithoutMakingTheTarget() throws Exception {
        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("a"));
        Files.writeString(src.resolve("a/file"), "x");
        Path target = tmp.resolve("restored");
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            Id snap = FileBackup.backup(repo, BackupOptions.of(src), BackupListener.NONE, () -> false).snapshot();
            IOException e = assertThrows(IOException.class, () -> FileRestore.restore(repo, snap,
                    RestoreOptions.to(target).withIncludes(List.of("/no/such/path")), null, () -> false));
            assertTrue(e.getMessage().contains("nothing in the snapshot matches"), e.getMessage());
        }
        assertFalse(Files.exists(target), "nothing was written");
    }

    private static Path restoredAt(Path target, Path src) {
        return target.resolve(src.toAbsolutePath().toString().substring(1));
    }

    private static RestoreListener recordTotals(List<long[]> totals) {
        return new RestoreListener() {
            @Override
            public synchronized void progress(long filesDone, long filesTotal, long bytesDone, long bytesTotal) {
                totals.add(new long[] {filesTotal, bytesTotal});
            }
        };
    }
}
