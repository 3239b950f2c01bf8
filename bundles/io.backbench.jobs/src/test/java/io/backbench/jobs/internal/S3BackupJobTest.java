package io.backbench.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunEvent;
import io.backbench.catalog.api.RunStatus;
import io.backbench.core.api.ConfiguredTargets.Entry;
import io.backbench.jobs.scheduler.api.JobKind;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.decorators.RetryListener;
import io.backbench.target.s3.internal.FaultyProxy;
import io.backbench.target.s3.internal.S3Server;

/**
 * End to end on S3: a configured S3 target (its secret key stored encrypted by the core), a backup
 * job run by the real runner through a proxy that answers 500 and 503 and cuts an upload halfway.
 * The run succeeds, its event log in the catalog shows each kind of retry, and restic itself then
 * reads every byte of the bucket back ({@code restic check --read-data}) straight from the S3
 * server. Needs the {@code restic} program: without it the test fails.
 */
class S3BackupJobTest {
    @TempDir
    Path dir;

    @Test
    void aBackupJobThroughServerFaultsSucceedsLogsItsRetriesAndPassesResticCheckReadData() throws Exception {
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
            TargetFactory s3 = S3Server.factory(n -> null, RetryListener.SYSTEM_LOGGER);
            try (Fixture f = new Fixture(dir.resolve("home"), t -> t.equals("s3") ? Optional.of(s3) : Optional.empty())) {
                Map<String, String> settings = S3Server.settings(proxy.endpoint(), "restic");
                settings.put("max_attempts", "20");
                // single PUTs per pack here: multipart under faults is S3FaultInjectionTest's subject
                settings.put("multipart_threshold_mib", "64");
                f.targets.save(new Entry("offsite", "s3", TargetSettings.of(settings)));

                proxy.faults(false); // the faults are for the job, not for making its repository
                try (StorageTarget t = f.targets.open("target:offsite", true);
                     Repository r = Repositories.init(t, Fixture.PASSWORD, RepositoryOptions.defaults())) {
                    // made
                }
                proxy.faults(true);
                proxy.eachFaultOnceOnUploads();
                JobDefinition job = f.catalog.saveJob(f.job("offsite-home", JobKind.BACKUP, "target:offsite", source.toString()));
                Run run = f.runner.submit(job).completion().toCompletableFuture().get(5, TimeUnit.MINUTES);

                assertEquals(RunStatus.SUCCEEDED, run.status(), run.error());
                assertTrue(proxy.answered500.get() > 0 && proxy.answered503.get() > 0 && proxy.uploadsCut.get() > 0,
                        "the proxy injected too few faults in " + proxy.requests.get() + " requests");
                List<String> retries = f.catalog.events(run.id()).stream().map(RunEvent::message)
                        .filter(m -> m.startsWith("retrying ")).toList();
                assertTrue(retries.stream().anyMatch(m -> m.contains("HTTP 503 SlowDown")), "a 503 retry in the run's log: " + retries);
                assertTrue(retries.stream().anyMatch(m -> m.contains("HTTP 500 InternalError")), "a 500 retry in the run's log: " + retries);
                assertTrue(retries.stream().anyMatch(m -> m.contains("connection")), "a cut upload's retry in the run's log: " + retries);
                assertTrue(retries.stream().allMatch(m -> m.contains(" on s3:" + proxy.endpoint() + "/restic (attempt ")
                        && m.matches(".*\\(attempt \\d+ of 20, in \\d+\\.\\d s\\) after: .*")), retries.toString());
            }

            ProcessBuilder pb = new ProcessBuilder("restic", "-r", "s3:" + server.endpoint() + "/restic", "--no-cache",
                    "check", "--read-data").redirectErrorStream(true);
            pb.environment().put("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY);
            pb.environment().put("AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
            pb.environment().put("RESTIC_PASSWORD", new String(Fixture.PASSWORD));
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "restic check did not finish");
            assertEquals(0, p.exitValue(), "restic check --read-data on the bucket failed:\n" + out);
            assertTrue(out.contains("no errors were found"), out);
        }
    }
}
