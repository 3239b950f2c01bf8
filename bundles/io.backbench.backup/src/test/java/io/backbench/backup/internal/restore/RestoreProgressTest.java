package io.backbench.backup.internal.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.backup.api.BackupListener;
import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.api.ExistingFiles;
import io.backbench.backup.api.FileBackup;
import io.backbench.backup.api.FileRestore;
import io.backbench.backup.api.RestoreListener;
import io.backbench.backup.api.RestoreOptions;
import io.backbench.backup.api.RestoreResult;
import io.backbench.backup.testing.Fixture;
import io.backbench.backup.testing.Repos;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repository;

/**
 * A restore's progress ends at the total it told: the other names of a hard-linked file and files
 * the existing-file policy skips count as done (they were counted in the total), as written ones do.
 */
class RestoreProgressTest {
    @TempDir
    Path tmp;

    /** The last progress report of a restore: files done, files total. */
    private static long[] lastProgress(Repository repo, Id snap, RestoreOptions options) throws Exception {
        List<long[]> seen = new ArrayList<>();
        RestoreResult r = FileRestore.restore(repo, snap, options, new RestoreListener() {
            @Override
            public synchronized void progress(long filesDone, long filesTotal, long bytesDone, long bytesTotal) {
                seen.add(new long[] {filesDone, filesTotal});
            }

            @Override
            public void error(String path, String message) {
            }
        }, () -> false);
        assertEquals(List.of(), r.errors());
        assertFalse(seen.isEmpty());
        return seen.get(seen.size() - 1);
    }

    @Test
    void progressEndsAtItsTotalWithHardLinksAndSkippedFiles() throws Exception {
        Path src = tmp.resolve("source");
        Fixture.build(src, 6); // with a file of three names
        Path target = tmp.resolve("restored");
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            Id snap = FileBackup.backup(repo, BackupOptions.of(src), BackupListener.NONE, () -> false).snapshot();
            long[] first = lastProgress(repo, snap, RestoreOptions.to(target));
            assertEquals(first[1], first[0], "files done at the end of the first restore");
            // again onto the restored tree: every file is skipped
            long[] again = lastProgress(repo, snap, RestoreOptions.to(target).withExisting(ExistingFiles.SKIP));
            assertEquals(again[1], again[0], "files done at the end of a restore that skipped them all");
        }
        // (a restore puts the snapshot's absolute path below the target)
        Path hard1 = target.resolve(src.toAbsolutePath().toString().substring(1)).resolve("hard1");
        assertEquals(3, Files.getAttribute(hard1, "unix:nlink"), "the three names restored as one file");
    }
}
