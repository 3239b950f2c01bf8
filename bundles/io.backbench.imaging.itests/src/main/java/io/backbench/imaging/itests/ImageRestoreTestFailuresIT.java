package io.backbench.imaging.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunStatus;
import io.backbench.catalog.api.Verification;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.jobs.scheduler.api.JobOptions;
import io.backbench.jobs.scheduler.api.JobRunner;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOptions;

/**
 * Image restore tests that must fail, and fail visibly: a damaged pack, a verified job that does not
 * exist; and one that must pick the right disk's image when the repository holds several. Each test
 * makes its own ext4 images (mkfs.ext4) and repository and runs the jobs through the real JobRunner.
 */
class ImageRestoreTestFailuresIT {
    private static final String PASSWORD = "correct horse battery staple";

    private record Setup(Path dir, Path repo, Path password) {
    }

    private static Setup setup(String name) throws Exception {
        Path dir = Path.of(FrameworkUtil.getBundle(ImageRestoreTestFailuresIT.class).getBundleContext()
                .getProperty("backbench.itests.data")).resolve(name);
        Files.createDirectories(dir);
        Path repo = dir.resolve("repo");
        Path password = dir.resolve("password");
        Files.writeString(password, PASSWORD + "\n");
        try (Repository r = Repositories.init(ImageJobIT.service(ConfiguredTargets.class).open(repo.toString(), true),
                PASSWORD.toCharArray(), RepositoryOptions.defaults().withKdf(new RepositoryOptions.KdfParams(1024, 8, 1)))) {
            assertTrue(r.snapshots().isEmpty());
        }
        return new Setup(dir, repo, password);
    }

    /** An ext4 image of 16 MiB holding 2 MiB of random bytes (seed) and a host name. */
    private static Path disk(Setup s, String name, int seed) throws Exception {
        Path content = s.dir().resolve(name + "-content");
        Files.createDirectories(content.resolve("etc"));
        byte[] big = new byte[2 << 20];
        new Random(seed).nextBytes(big);
        Files.write(content.resolve("big.bin"), big);
        Files.writeString(content.resolve("etc/hostname"), name + "\n");
        Path image = s.dir().resolve(name + ".img");
        ImageJobIT.tool("mkfs.ext4", "-q", "-F", "-b", "4096", "-d", content.toString(), image.toString(), "16M");
        return image;
    }

    private static Run run(JobDefinition job) throws Exception {
        JobDefinition saved = ImageJobIT.service(Catalog.class).saveJob(job);
        return ImageJobIT.service(JobRunner.class).runNow(saved.id()).completion().toCompletableFuture().get(180, TimeUnit.SECONDS);
    }

    private static JobDefinition imageJob(Setup s, String name, Path disk) {
        return JobDefinition.of(name, "image", s.repo().toString(), List.of(disk.toString()))
                .withOption(JobOptions.PASSWORD_FILE, s.password().toString());
    }

    private static JobDefinition restoreTest(Setup s, String name, List<String> sources, String verifies) {
        return JobDefinition.of(name, "image-restore-test", s.repo().toString(), sources)
                .withOption(JobOptions.PASSWORD_FILE, s.password().toString()).withOption(JobOptions.VERIFIES_JOB, verifies)
                .withObjectives(null, Duration.ofMinutes(30));
    }

    @Test
    void aDamagedPackFailsTheRestoreTestAndRecordsAFailedVerificationNamingTheProblem() throws Exception {
        Setup s = setup("damaged-pack");
        Path disk = disk(s, "damaged", 11);
        Run imaged = run(imageJob(s, "Damaged disk", disk));
        assertEquals(RunStatus.SUCCEEDED, imaged.status(), imaged.error());
        Catalog catalog = ImageJobIT.service(Catalog.class);
        JobDefinition imageJob = catalog.jobByName("Damaged disk").orElseThrow();
        // the pack holding the random file's chunks: the largest of the repository's data/ files
        Path pack;
        try (Stream<Path> files = Files.walk(s.repo().resolve("data"))) {
            pack = files.filter(Files::isRegularFile).max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(pack);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
            bytes[i] ^= (byte) 0xA5;
        }
        Files.write(pack, bytes);

        Run test = run(restoreTest(s, "Damaged disk restore test", List.of(disk.toString()), imageJob.id()));
        assertEquals(RunStatus.FAILED, test.status(), "the run fails: " + test.error());
        assertTrue(test.error() != null && test.error().contains("could not be restored and checked"), test.error());
        List<Verification> tests = catalog.verifications(imageJob.id(), 0, 10).items();
        assertEquals(1, tests.size(), "the failure is recorded for the image job");
        Verification v = tests.get(0);
        assertFalse(v.passed(), v.message());
        assertFalse(v.ok());
        assertEquals(test.id(), v.runId());
        assertEquals(imaged.metrics().snapshotId(), v.snapshotId());
        assertTrue(v.message().startsWith("the image of snapshot " + imaged.metrics().snapshotId().substring(0, 8)
                + " could not be restored and checked (failed while restoring): "), v.message());
        assertTrue(v.message().length() > "the image of snapshot 01234567 could not be restored and checked (failed while restoring): "
                .length(), "the cause is named: " + v.message());
        assertEquals(List.of(v.message()), v.failedFiles());
        Path sandbox = ImageJobIT.sandboxOf(catalog, test);
        assertFalse(Files.exists(sandbox), "the sandbox is removed after a failure too: " + sandbox);
    }

    @Test
    void aRestoreTestOfAJobThatDoesNotExistFailsAndRecordsNothing() throws Exception {
        Setup s = setup("unknown-job");
        Path disk = disk(s, "lonely", 12);
        assertEquals(RunStatus.SUCCEEDED, run(imageJob(s, "Lonely disk", disk)).status());
        Run test = run(restoreTest(s, "Orphan restore test", List.of(disk.toString()), "no-such-job-id"));
        assertEquals(RunStatus.FAILED, test.status());
        assertEquals("image restore test 'Orphan restore test': option verifies-job names no job of the catalog"
                + " ('no-such-job-id'); set it to the id of the image job whose disk it tests, or remove it to record the test"
                + " for this job", test.error());
        Catalog catalog = ImageJobIT.service(Catalog.class);
        assertEquals(List.of(), catalog.verifications("no-such-job-id", 0, 10).items(), "nothing under a dangling id");
        JobDefinition testJob = catalog.jobByName("Orphan restore test").orElseThrow();
        assertEquals(List.of(), catalog.verifications(testJob.id(), 0, 10).items());
    }

    @Test
    void withoutSourcesOfItsOwnTheRestoreTestTakesTheVerifiedJobsDiskNotTheNewestImageOfAnyDisk() throws Exception {
        Setup s = setup("two-disks");
        Path first = disk(s, "first", 13);
        Path second = disk(s, "second", 14);
        Run a = run(imageJob(s, "First disk", first));
        assertEquals(RunStatus.SUCCEEDED, a.status(), a.error());
        Run b = run(imageJob(s, "Second disk", second));
        assertEquals(RunStatus.SUCCEEDED, b.status(), b.error());
        assertNotEquals(a.metrics().snapshotId(), b.metrics().snapshotId());
        Catalog catalog = ImageJobIT.service(Catalog.class);
        JobDefinition firstJob = catalog.jobByName("First disk").orElseThrow();
        Path sandboxes = s.dir().resolve("sandboxes");

        Run test = run(restoreTest(s, "First disk restore test", List.of(), firstJob.id()).withOption("sandbox", sandboxes.toString()));
        assertEquals(RunStatus.SUCCEEDED, test.status(), test.error());
        assertEquals(a.metrics().snapshotId(), test.metrics().snapshotId(), "the first disk's image, though the second is newer");
        Verification v = catalog.verifications(firstJob.id(), 0, 10).items().get(0);
        assertTrue(v.ok(), v.message());
        assertEquals(a.metrics().snapshotId(), v.snapshotId());
        Path sandbox = ImageJobIT.sandboxOf(catalog, test);
        assertTrue(sandbox.startsWith(sandboxes), "the job's sandbox option is used: " + sandbox);
        assertFalse(Files.exists(sandbox));
    }
}
