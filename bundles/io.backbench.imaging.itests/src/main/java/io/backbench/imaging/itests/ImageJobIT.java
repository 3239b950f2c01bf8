package io.backbench.imaging.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.CachedSnapshot;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunStatus;
import io.backbench.catalog.api.Verification;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.imaging.api.DiskImages;
import io.backbench.imaging.api.ImageSummary;
import io.backbench.jobs.scheduler.api.JobOptions;
import io.backbench.jobs.scheduler.api.JobRunner;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOptions;

/**
 * Disk-image jobs in the headless product's framework: an ext4 filesystem made by mkfs.ext4 in an
 * image file is imaged by an {@code image} job through the real JobRunner into a real repository on
 * the disk target; the catalog records a succeeded run with the snapshot; an {@code image-restore-test}
 * job restores it into an image file, finds it equal and its filesystem clean (e2fsck), and records
 * the restore test.
 */
class ImageJobIT {
    private static final String PASSWORD = "correct horse battery staple";
    static Path data;
    static Path image;
    static Path repo;
    static Path passwordFile;

    static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext ctx = FrameworkUtil.getBundle(ImageJobIT.class).getBundleContext();
        ServiceTracker<T, T> t = new ServiceTracker<>(ctx, type, null);
        t.open();
        T s = t.waitForService(30_000);
        assertNotNull(s, "no " + type.getName() + " service within 30 s");
        return s;
    }

    /** Runs a tool to its end; a missing tool or a failure fails the test (the tools are CI's Debian packages). */
    static void tool(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd) + " did not end");
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
    }

    @BeforeAll
    static void diskAndRepository() throws Exception {
        data = Path.of(FrameworkUtil.getBundle(ImageJobIT.class).getBundleContext().getProperty("backbench.itests.data"));
        Path content = data.resolve("content");
        Files.createDirectories(content.resolve("etc"));
        byte[] big = new byte[3 << 20];
        new Random(7).nextBytes(big);
        Files.write(content.resolve("big.bin"), big);
        Files.writeString(content.resolve("etc/hostname"), "imaged-host\n");
        image = data.resolve("disk.img");
        tool("mkfs.ext4", "-q", "-F", "-b", "4096", "-d", content.toString(), image.toString(), "24M");
        repo = data.resolve("repo");
        passwordFile = data.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        try (Repository r = Repositories.init(service(ConfiguredTargets.class).open(repo.toString(), true), PASSWORD.toCharArray(),
                RepositoryOptions.defaults().withKdf(new RepositoryOptions.KdfParams(1024, 8, 1)))) {
            assertTrue(r.snapshots().isEmpty());
        }
    }

    private static Run runToTheEnd(JobDefinition job) throws Exception {
        Catalog catalog = service(Catalog.class);
        JobDefinition saved = catalog.saveJob(job);
        return service(JobRunner.class).runNow(saved.id()).completion().toCompletableFuture().get(180, TimeUnit.SECONDS);
    }

    @Test
    void anImageJobImagesTheDiskIntoTheRepositoryAndARestoreTestFindsItsFilesystemClean() throws Exception {
        Catalog catalog = service(Catalog.class);
        JobDefinition imageJob = JobDefinition.of("System disk", "image", repo.toString(), List.of(image.toString()))
                .withOption(JobOptions.PASSWORD_FILE, passwordFile.toString()).withObjectives(Duration.ofDays(7), Duration.ofMinutes(30));
        Run run = runToTheEnd(imageJob);
        assertEquals(RunStatus.SUCCEEDED, run.status(), run.error());
        assertEquals("image", run.kind());
        String snapshot = run.metrics().snapshotId();
        assertTrue(snapshot != null && snapshot.matches("[0-9a-f]{64}"), "the run records its snapshot: " + run.metrics());
        assertTrue(run.metrics().bytesRead() >= 3 << 20, "read at least the 3 MiB file: " + run.metrics());
        assertTrue(run.metrics().bytesRead() < 24 << 20, "read only used blocks: " + run.metrics());
        assertTrue(run.metrics().bytesNew() > 0 && run.metrics().bytesStored() > 0, run.metrics().toString());
        assertEquals(run, catalog.run(run.id()).orElseThrow(), "the catalog has the run as it ended");
        assertTrue(catalog.events(run.id()).stream().anyMatch(e -> e.message().contains("snapshot " + snapshot.substring(0, 8))),
                "the run's log names the snapshot");
        List<CachedSnapshot> cached = catalog.snapshots(repo.toString());
        assertTrue(cached.stream().anyMatch(s -> s.id().equals(snapshot) && s.tags().contains(DiskImages.TAG)), "snapshot cache: " + cached);
        try (Repository r = Repositories.open(service(ConfiguredTargets.class).open(repo.toString()), PASSWORD.toCharArray(),
                RepositoryOptions.defaults())) {
            List<ImageSummary> images = DiskImages.list(r);
            assertEquals(1, images.size());
            assertEquals(snapshot, images.get(0).snapshot().hex());
            assertEquals(image.toString(), images.get(0).source());
            assertEquals(List.of("ext4"), images.get(0).filesystems());
        }

        JobDefinition saved = catalog.jobByName("System disk").orElseThrow();
        JobDefinition testJob = JobDefinition.of("System disk restore test", "image-restore-test", repo.toString(), List.of(image.toString()))
                .withOption(JobOptions.PASSWORD_FILE, passwordFile.toString()).withOption(JobOptions.VERIFIES_JOB, saved.id())
                .withObjectives(null, Duration.ofMinutes(30));
        Run test = runToTheEnd(testJob);
        assertEquals(RunStatus.SUCCEEDED, test.status(), test.error());
        assertEquals(snapshot, test.metrics().snapshotId());
        List<Verification> tests = catalog.verifications(saved.id(), 0, 10).items();
        assertEquals(1, tests.size(), "the test counts for the image job");
        Verification v = tests.get(0);
        assertTrue(v.passed() && v.ok(), v.message());
        assertEquals(test.id(), v.runId());
        assertEquals(snapshot, v.snapshotId());
        assertEquals(Duration.ofMinutes(30), v.rto());
        assertTrue(v.message().contains("ext4 clean") && v.message().contains("e2fsck"), v.message());
        assertTrue(v.bytes() >= 3 << 20 && v.bytes() < 24 << 20, "the used blocks written into a sparse file: " + v.bytes());
        assertEquals(24L << 20, test.metrics().bytesTotal(), "the image's size");
        Path sandbox = sandboxOf(catalog, test);
        assertTrue(sandbox.startsWith(home().resolve("cache/restore-tests")), "the sandbox is in the data folder's cache: " + sandbox);
        assertFalse(Files.exists(sandbox), "the run's sandbox is removed: " + sandbox);
    }

    static Path home() {
        return Path.of(FrameworkUtil.getBundle(ImageJobIT.class).getBundleContext().getProperty("backbench.home"));
    }

    /** The folder the run restored into, as its log names it. */
    static Path sandboxOf(Catalog catalog, Run run) {
        String prefix = "restoring into the sandbox ";
        return catalog.events(run.id()).stream().filter(e -> e.message().startsWith(prefix)).map(e -> Path.of(e.message()
                .substring(prefix.length()))).findFirst().orElseThrow(() -> new AssertionError("the run's log names no sandbox: "
                        + catalog.events(run.id())));
    }

    @Test
    void theRunnerOffersTheImageKindsAndRefusesAnImageJobWithoutOneSource() throws Exception {
        JobRunner runner = service(JobRunner.class);
        assertTrue(runner.kinds().containsAll(List.of("image", "image-restore-test")), runner.kinds().toString());
        runner.validate(JobDefinition.of("One disk", "image", repo.toString(), List.of(image.toString())).withOption("mounted", "warn"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runner.validate(JobDefinition.of("Two disks", "image", repo.toString(), List.of("/dev/sda", "/dev/sdb"))));
        assertTrue(e.getMessage().contains("needs exactly one source"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> runner.validate(JobDefinition.of("Odd", "image", repo.toString(),
                List.of(image.toString())).withOption("partition", "first")));
        assertTrue(e.getMessage().contains("partition must be a partition number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> runner.validate(JobDefinition.of("Odd", "image", repo.toString(),
                List.of(image.toString())).withOption("mounted", "sometimes")));
        assertTrue(e.getMessage().contains("mounted must be refuse, warn or freeze"), e.getMessage());
    }
}
