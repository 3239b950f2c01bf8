package io.backbench.target.sftp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.backup.api.BackupListener;
import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.api.BackupResult;
import io.backbench.backup.api.FileBackup;
import io.backbench.backup.api.FileRestore;
import io.backbench.backup.api.RestoreListener;
import io.backbench.backup.api.RestoreOptions;
import io.backbench.backup.api.RestoreResult;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetSettings;

/**
 * End to end: a backup with the file backup engine into the SFTP target, a restore from it that
 * gives back every byte, and then restic itself reads every byte of the repository straight from
 * the server's folder ({@code restic check --read-data}). Needs the {@code restic} program: without
 * it the test fails.
 */
class SftpBackupRestoreTest {
    private static final char[] PASSWORD = "correct horse".toCharArray();
    @TempDir
    Path dir;

    @Test
    void backupAndRestoreThroughSftpAndResticCheckReadDataPasses() throws Exception {
        Path source = Files.createDirectories(dir.resolve("source"));
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 24; i++) {
            byte[] data = new byte[1000 + random.nextInt(1_500_000)];
            random.nextBytes(data);
            Files.write(Files.createDirectories(source.resolve("d" + (i % 3))).resolve("f" + i), data);
        }
        Files.writeString(source.resolve("same-a.txt"), "duplicate content\n".repeat(1000));
        Files.writeString(source.resolve("same-b.txt"), "duplicate content\n".repeat(1000));
        Files.createDirectories(source.resolve("empty"));

        try (SftpServer server = new SftpServer(dir.resolve("served"), dir.resolve("host-key"))) {
            Map<String, String> settings = server.passwordSettings("/backups/host-a");
            BackupResult backup;
            try (StorageTarget target = new SftpTargetFactory().open(TargetSettings.of(settings));
                 Repository repo = Repositories.init(target, PASSWORD, RepositoryOptions.defaults())) {
                backup = FileBackup.backup(repo, BackupOptions.of(source), BackupListener.NONE, () -> false);
            }
            assertTrue(backup.complete(), "the backup must complete: " + backup);

            Path restored = dir.resolve("restored");
            RestoreResult restore;
            try (StorageTarget target = new SftpTargetFactory().open(TargetSettings.of(settings));
                 Repository repo = Repositories.open(target, PASSWORD, RepositoryOptions.defaults())) {
                restore = FileRestore.restore(repo, backup.snapshot(), RestoreOptions.to(restored), RestoreListener.NONE,
                        () -> false);
            }
            assertTrue(restore.ok(), "the restore must succeed: " + restore.errors());
            assertSameTree(source, findRestoredSource(restored, source));

            Path repoFolder = server.root.resolve("backups/host-a");
            ProcessBuilder pb = new ProcessBuilder("restic", "-r", repoFolder.toString(), "--no-cache", "check",
                    "--read-data").redirectErrorStream(true);
            pb.environment().put("RESTIC_PASSWORD", new String(PASSWORD));
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "restic check did not finish");
            assertEquals(0, p.exitValue(), "restic check --read-data on the server's folder failed:\n" + out);
            assertTrue(out.contains("no errors were found"), out);
        }
    }

    /** The restore recreates the source's absolute path below the restore folder, as restic does. */
    private static Path findRestoredSource(Path restored, Path source) {
        Path candidate = restored.resolve(source.getRoot().relativize(source));
        return Files.isDirectory(candidate) ? candidate : restored.resolve(source.getFileName());
    }

    private static void assertSameTree(Path expected, Path actual) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(expected)) {
            walk.forEach(files::add);
        }
        for (Path f : files) {
            Path other = actual.resolve(expected.relativize(f).toString());
            assertTrue(Files.exists(other), "restored tree lacks " + other);
            if (Files.isRegularFile(f)) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other), "content of " + other);
            }
        }
        try (Stream<Path> walk = Files.walk(actual)) {
            assertEquals(files.size(), walk.count(), "the restored tree has extra entries");
        }
    }
}
