package io.backbench.backup.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.api.BackupResult;
import io.backbench.backup.testing.Fixture;
import io.backbench.backup.testing.Repos;
import io.backbench.backup.testing.Restic;
import io.backbench.repository.api.ExtendedAttribute;
import io.backbench.repository.api.Repository;

/**
 * Files of 1 MiB and more are read around the page cache (O_DIRECT) where the file system allows it,
 * the test's own folder included (ext4 here and in CI; a tmpfs would refuse and fail the first
 * check). What they give must be what the page cache gives: a second backup of the same files read
 * only through the cache, with --force, stores nothing new, so every chunk was cut and hashed alike.
 */
class DirectReadsBackupTest {
    private static final int MIB = 1 << 20;

    @TempDir
    Path tmp;

    /** Only through the page cache: the interface's default. */
    static final class CachedOnly implements FileOpener {
        @Override
        public FileChannel open(Path file) throws IOException {
            return FileOpener.DEFAULT.open(file);
        }

        @Override
        public List<ExtendedAttribute> xattrs(Path path) throws IOException {
            return FileOpener.DEFAULT.xattrs(path);
        }
    }

    @Test
    void largeFilesReadAroundThePageCacheGiveTheSameChunksAsReadThroughIt() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Random rnd = new Random(4);
        // below, at and above the threshold; ending mid-page; several chunks; a small one
        int[] sizes = {MIB - 1, MIB, MIB + 1, 3 * MIB + 4097, 17 * MIB + 123, 5000};
        for (int i = 0; i < sizes.length; i++) {
            Files.write(src.resolve("f" + i), Fixture.bytes(rnd, sizes[i]));
        }
        Path repoDir = tmp.resolve("repo");
        try (Repository repo = Repos.init(repoDir)) {
            IncrementalBackupTest.RecordingOpener first = new IncrementalBackupTest.RecordingOpener();
            BackupResult r1 = new BackupEngine(repo, BackupOptions.of(src), null, null, first).run();
            Set<String> direct = new TreeSet<>();
            first.openedDirect.forEach(p -> direct.add(p.getFileName().toString()));
            assertEquals(new TreeSet<>(List.of("f1", "f2", "f3", "f4")), direct,
                    "the files of 1 MiB and more, read around the cache (the test folder must be on a file system that allows O_DIRECT, such as ext4)");
            long total = 0;
            for (int s : sizes) {
                total += s;
            }
            assertEquals(total, r1.bytesRead());

            BackupResult r2 = new BackupEngine(repo, BackupOptions.of(src).withForce(true), null, null, new CachedOnly()).run();
            assertEquals(total, r2.bytesRead(), "read everything again, through the cache");
            assertEquals(0, r2.blobsNew(), "the same chunks: nothing new to store");
            assertEquals(0, r2.bytesNew());
        }
        String check = new Restic(repoDir, Repos.PASSWORD).run("check", "--read-data").ok().out();
        assertTrue(check.contains("no errors were found"), check);
    }
}
