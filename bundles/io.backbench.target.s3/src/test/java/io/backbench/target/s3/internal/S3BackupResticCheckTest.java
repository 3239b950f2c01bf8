package io.backbench.target.s3.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.backup.api.BackupListener;
import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.api.BackupResult;
import io.backbench.backup.api.FileBackup;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.decorators.RetryListener;

/**
 * End to end: a backup with the file backup engine into an S3 target behind the faulty proxy (500s,
 * 503s, cut uploads) completes, the retries are logged, and restic itself then reads every byte of
 * the bucket back ({@code restic check --read-data}) straight from the S3 server. Needs the
 * {@code restic} program: without it the test fails.
 */
class S3BackupResticCheckTest {
    @TempDir
    Path dir;

    @Test
    void backupThroughFaultsCompletesAndResticCheckReadDataPasses() throws Exception {
        Path source = Files.createDirectories(dir.resolve("source"));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 30; i++) {
            byte[] data = new byte[1000 + random.nextInt(1_500_000)];
            random.nextBytes(data);
            Files.write(Files.createDirectories(source.resolve("d" + (i % 4))).resolve("f" + i), data);
        }
        Files.writeString(source.resolve("same-a.txt"), "duplicate content\n".repeat(1000));
        Files.writeString(source.resolve("same-b.txt"), "duplicate content\n".repeat(1000));

        try (S3Server server = new S3Server(); FaultyProxy proxy = new FaultyProxy(server.port(), 0.2, 0.15, 11)) {
            proxy.eachFaultOnce();
            List<String> retries = Collections.synchronizedList(new ArrayList<>());
            RetryListener log = (t, op, a, d, c) -> retries.add(RetryListener.describe(t, op, a, d, c));
            Map<String, String> settings = S3Server.settings(proxy.endpoint(), "restic");
            settings.put("max_attempts", "20");
            // single PUTs per pack here: multipart under faults is S3FaultInjectionTest's subject
            settings.put("multipart_threshold_mib", "64");
            BackupResult result;
            try (StorageTarget target = S3Server.factory(n -> null, log).open(TargetSettings.of(settings));
                 Repository repo = Repositories.init(target, "correct horse".toCharArray(), RepositoryOptions.defaults())) {
                result = FileBackup.backup(repo, BackupOptions.of(source), BackupListener.NONE, () -> false);
            }
            assertTrue(result.complete(), "the backup must complete: " + result);
            assertTrue(proxy.answered500.get() + proxy.answered503.get() > 0 && proxy.uploadsCut.get() > 0,
                    "the proxy injected too few faults in " + proxy.requests.get() + " requests");
            assertTrue(!retries.isEmpty(), "the retries must be logged");

            ProcessBuilder pb = new ProcessBuilder("restic", "-r", "s3:" + server.endpoint() + "/restic", "--no-cache",
                    "check", "--read-data").redirectErrorStream(true);
            pb.environment().put("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY);
            pb.environment().put("AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
            pb.environment().put("RESTIC_PASSWORD", "correct horse");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "restic check did not finish");
            assertEquals(0, p.exitValue(), "restic check --read-data on the bucket failed:\n" + out);
            assertTrue(out.contains("no errors were found"), out);
        }
    }
}
