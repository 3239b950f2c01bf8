package io.backbench.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.catalog.api.CachedSnapshot;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunEvent;
import io.backbench.catalog.api.RunStatus;
import io.backbench.catalog.api.Verification;
import io.backbench.jobs.scheduler.api.JobKind;
import io.backbench.jobs.scheduler.api.JobOptions;
import io.backbench.jobs.scheduler.api.RepositoryChecks;
import io.backbench.jobs.scheduler.api.RestoreTests;
import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.CheckOptions;
import io.backbench.repository.api.CheckReport;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.ReadDataSubset;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOperations;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.repository.api.StoredSnapshot;
import io.backbench.repository.api.Tree;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.disk.internal.DiskTargetFactory;

/**
 * Real job runs end to end: files in a temporary folder backed up into a disk repository through
 * the runner and the core's JobManager, recorded in the H2 catalog; then restore tests of it.
 */
class EndToEndJobTest {
    @TempDir
    Path dir;
    Fixture f;
    Path source;
    String repo;
    long sourceBytes;

    @BeforeEach
    void setUp() throws IOException {
        f = new Fixture(dir);
        source = Files.createDirectories(dir.resolve("source"));
        Random random = new Random(42);
        for (int i = 0; i < 12; i++) {
            byte[] data = new byte[1000 + random.nextInt(300_000)];
            random.nextBytes(data);
            Files.write(source.resolve("file-" + i + ".bin"), data);
            sourceBytes += data.length;
        }
        Files.createDirectories(source.resolve("sub"));
        Files.writeString(source.resolve("sub/notes.txt"), "restore me\n".repeat(500));
        sourceBytes += "restore me\n".length() * 500L;
        repo = f.repository("repo");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private Run run(JobDefinition job) throws Exception {
        return f.runner.submit(job).completion().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private JobDefinition backupJob() {
        return f.catalog.saveJob(f.job("home", JobKind.BACKUP, repo, source.toString()).withObjectives(Duration.ofHours(24),
                Duration.ofHours(1)));
    }

    private StorageTarget target() throws IOException {
        return new DiskTargetFactory().open(TargetSettings.of(Map.of("path", repo, "fsync", "false")));
    }

    @Test
    void aFileBackupJobRecordsItsByteCountsAndSnapshotInTheCatalog() throws Exception {
        JobDefinition job = backupJob();
        Run run = run(job);
        assertEquals(RunStatus.SUCCEEDED, run.status(), run.error());
        assertEquals(job.id(), run.jobId());
        assertEquals(sourceBytes, run.metrics().bytesRead(), "a first backup reads every byte");
        assertEquals(13, run.metrics().files());
        assertTrue(run.metrics().bytesNew() > 0 && run.metrics().bytesNew() <= sourceBytes);
        assertTrue(run.metrics().bytesStored() > 0);
        try (StorageTarget t = target(); Repository r = Repositories.open(t, Fixture.PASSWORD, RepositoryOptions.defaults())) {
            List<StoredSnapshot> snaps = r.snapshots();
            assertEquals(1, snaps.size());
            assertEquals(snaps.get(0).id().hex(), run.metrics().snapshotId());
            assertEquals(Repos.storedBytes(r), run.metrics().repositoryBytes());
            assertEquals(List.of(snaps.get(0).id().hex()), f.catalog.snapshots(repo).stream().map(CachedSnapshot::id).toList());
        }
        assertEquals(run, f.catalog.run(run.id()).orElseThrow());
        List<String> log = f.catalog.events(run.id()).stream().map(RunEvent::message).toList();
        assertTrue(log.stream().anyMatch(l -> l.startsWith("snapshot " + run.metrics().snapshotId().substring(0, 8))), log.toString());

        Run second = run(job);
        assertEquals(RunStatus.SUCCEEDED, second.status());
        assertEquals(0, second.metrics().bytesRead(), "nothing changed: no file is read again");
        assertEquals(sourceBytes, second.metrics().bytesTotal(), "but all of it is protected by the new snapshot");
        assertEquals(0, second.metrics().bytesNew());
        assertEquals(2, f.catalog.snapshots(repo).size());
    }

    @Test
    void aRestoreTestOfAGoodSnapshotPassesAndIsRecorded() throws Exception {
        JobDefinition job = backupJob();
        Run backup = run(job);
        Run test = run(RestoreTests.of(job, backup.metrics().snapshotId(), 100));
        assertEquals(RunStatus.SUCCEEDED, test.status(), test.error());
        Verification v = f.catalog.verifications(job.id(), 0, 10).items().get(0);
        assertTrue(v.passed() && v.ok());
        assertEquals(13, v.files());
        assertEquals(sourceBytes, v.bytes());
        assertEquals(test.id(), v.runId());
        assertEquals(backup.metrics().snapshotId(), v.snapshotId());
        assertEquals(List.of(), v.failedFiles());
        assertEquals(job.id(), f.catalog.restoreTestStatus().get(0).jobId());
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("backbench-restore-test-")
                    && p.toFile().lastModified() >= backup.started().toEpochMilli()), "the sandbox is removed");
        }
    }

    @Test
    void aRestoreTestOfARepositoryWithAFlippedPackByteFailsNamingTheFiles() throws Exception {
        JobDefinition job = backupJob();
        run(job);
        String damaged = flipAByteOfTheFile("file-3.bin");
        Run test = run(RestoreTests.of(job, "latest", 100));
        assertEquals(RunStatus.FAILED, test.status());
        Verification v = f.catalog.verifications(job.id(), 0, 10).items().get(0);
        assertFalse(v.passed());
        assertTrue(v.failedFiles().contains(damaged), v.failedFiles().toString());
        assertFalse(v.failedFiles().contains(source.resolve("sub/notes.txt").toString()), "undamaged files pass");
        assertTrue(test.error().contains(damaged), test.error());
        assertFalse(f.catalog.restoreTestStatus().get(0).last().ok(), "the failed test is what the Dashboard shows");
    }

    @Test
    void aRestoreTestWhoseSandboxRunsFullFailsSayingSoAndGivesTheBackupNoVerdict() throws Exception {
        JobDefinition job = backupJob();
        run(job);
        Path small = Files.createDirectories(dir.resolve("small-disk"));
        // a real file system of 1 MiB for the ~1.8 MB of files; the tests run as root here and in CI
        assertEquals(0, sh("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", small.toString()),
                "cannot mount a 1 MiB tmpfs (the test needs root)");
        try {
            Run test = run(RestoreTests.of(job, "latest", 100).withOption(RestoreTestKind.SANDBOX, small.toString()));
            assertEquals(RunStatus.FAILED, test.status());
            assertTrue(test.error().contains("is full") && test.error().contains("says nothing of snapshot"), test.error());
            assertEquals(0, f.catalog.verifications(job.id(), 0, 10).total(), "a full sandbox is no verdict on the backup");
            try (Stream<Path> left = Files.list(small)) {
                assertEquals(List.of(), left.toList(), "the sandbox is removed");
            }
        } finally {
            sh("umount", small.toString());
        }
    }

    private static int sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue();
    }

    @Test
    void aRestoreSlowerThanTheRtoIsMarkedAsABreach() throws Exception {
        JobDefinition job = f.catalog.saveJob(backupJob().withObjectives(null, Duration.ofNanos(1)));
        run(job);
        Run test = run(RestoreTests.of(job, "latest", 100));
        Verification v = f.catalog.verifications(job.id(), 0, 10).items().get(0);
        assertTrue(v.passed(), "every byte was right");
        assertTrue(v.rtoBreached());
        assertFalse(v.ok());
        assertEquals(RunStatus.FAILED, test.status());
        assertTrue(test.error().contains("longer than the RTO"), test.error());
    }

    @Test
    void aSampledRestoreTestRestoresOnlyAShareOfTheFiles() throws Exception {
        JobDefinition job = backupJob();
        run(job);
        Run test = run(RestoreTests.of(job, "latest", 25));
        assertEquals(RunStatus.SUCCEEDED, test.status(), test.error());
        Verification v = f.catalog.verifications(job.id(), 0, 10).items().get(0);
        assertEquals(4, v.files(), "a quarter of 13 files, rounded up");
        assertEquals(25.0, v.samplePercent());
        assertTrue(v.bytes() < sourceBytes);
    }

    @Test
    void aRetentionJobForgetsSnapshotsByItsPolicyAndPrunes() throws Exception {
        JobDefinition job = backupJob();
        for (int i = 0; i < 3; i++) {
            Files.writeString(source.resolve("changing.txt"), "version " + i);
            assertEquals(RunStatus.SUCCEEDED, run(job).status());
        }
        JobDefinition retention = f.job("thin home", JobKind.RETENTION, repo, source.toString()).withRetention("last=1");
        Run r = run(retention);
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(2, r.metrics().files(), "two snapshots removed");
        assertEquals(1, f.catalog.snapshots(repo).size(), "the snapshot cache was rebuilt");
        assertTrue(r.metrics().summary().startsWith("removed 2 snapshots"), r.metrics().summary());
    }

    @Test
    void aCheckJobRotatesThroughTheDataPartsRunByRun() throws Exception {
        run(backupJob());
        JobDefinition check = f.catalog.saveJob(f.job("weekly check", JobKind.CHECK, repo).withOption(JobOptions.READ_DATA, "rotate/3"));
        JobDefinition quick = f.catalog.saveJob(f.job("daily check", JobKind.CHECK, repo).withOption(JobOptions.READ_DATA, "none"));
        JobDefinition full = f.job("full check", JobKind.CHECK, repo).withOption(JobOptions.READ_DATA, "all");
        JobDefinition otherRotation = f.job("other rotation", JobKind.CHECK, repo).withOption(JobOptions.READ_DATA, "rotate/7");
        Path wrong = Files.writeString(dir.resolve("wrong"), "nope\n");
        JobDefinition locked = check.withOption(JobOptions.PASSWORD_FILE, wrong.toString());
        List<String> summaries = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Run r = run(check);
            assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
            assertEquals(repo, r.target(), "the run is recorded under the repository");
            summaries.add(r.metrics().summary());
            // checks that read no part of this rotation do not move it on: structure only, all data,
            // another number of parts, a run that could not open the repository
            assertEquals(RunStatus.SUCCEEDED, run(quick).status());
            assertEquals(RunStatus.SUCCEEDED, run(full).status());
            assertEquals(RunStatus.SUCCEEDED, run(otherRotation).status());
            assertEquals(RunStatus.FAILED, run(locked).status());
        }
        for (int i = 0; i < 4; i++) {
            String s = summaries.get(i);
            assertTrue(s.startsWith("no errors in 1 snapshot, "), s);
            assertTrue(s.endsWith("read (subset " + (i % 3 + 1) + "/3)"), "run " + (i + 1) + " reads the next part: " + s);
        }
        // the three parts together are every pack, each once
        try (StorageTarget t = target(); Repository r = Repositories.open(t, Fixture.PASSWORD, RepositoryOptions.defaults())) {
            int read = 0;
            int packs = 0;
            for (int part = 1; part <= 3; part++) {
                CheckReport report = RepositoryOperations.check(r, new CheckOptions(true, new ReadDataSubset(part, 3, 0)));
                read += report.packsRead();
                packs = report.packs();
                String s = summaries.get(part - 1);
                assertTrue(s.contains("; data of " + report.packsRead() + (report.packsRead() == 1 ? " pack" : " packs") + " read"), s);
            }
            assertEquals(packs, read);
            assertTrue(packs > 1, "the test needs more than one pack: " + packs);
        }
    }

    @Test
    void aCheckJobThatFindsAFlippedByteFailsNamingThePackAndTheFile() throws Exception {
        run(backupJob());
        String damaged = flipAByteOfTheFile("file-3.bin");
        Run r = run(f.job("full check", JobKind.CHECK, repo).withOption(JobOptions.READ_DATA, "all"));
        assertEquals(RunStatus.FAILED, r.status());
        // the pack's hash and the blob inside it: two errors, as restic reports them
        assertTrue(r.error().startsWith("check found 2 errors in " + repo + ": pack "), r.error());
        assertTrue(r.error().contains(damaged) && r.error().contains("every other file can be"), r.error());
        assertFalse(r.error().contains("notes.txt"), "undamaged files are not named: " + r.error());
        assertTrue(r.metrics().summary().startsWith("2 errors in 1 snapshot"), r.metrics().summary());
        List<RunEvent> log = f.catalog.events(r.id());
        assertTrue(log.stream().anyMatch(e -> e.level() == io.backbench.catalog.api.EventLevel.ERROR && e.message().startsWith("error: ")
                && e.message().contains(damaged)), log.toString());

        // a subset that holds the damaged pack finds it, and does not vouch for the packs it did not read
        int part;
        try (StorageTarget t = target(); Repository r2 = Repositories.open(t, Fixture.PASSWORD, RepositoryOptions.defaults())) {
            Node file = find(r2, r2.snapshots().get(0).snapshot().tree(), "file-3.bin");
            part = (r2.index().lookup(BlobType.DATA, file.content().get(0)).orElseThrow().pack().bytes()[0] & 0xff) % 2 + 1;
        }
        Run subset = run(f.job("half check", JobKind.CHECK, repo).withOption(JobOptions.READ_DATA, part + "/2"));
        assertEquals(RunStatus.FAILED, subset.status());
        assertTrue(subset.error().contains(damaged) && !subset.error().contains("every other file can be")
                && subset.error().contains("did not read every pack"), subset.error());

        // structure alone does not read the data, so it does not see the flipped byte
        Run structure = run(f.job("quick check", JobKind.CHECK, repo).withOption(JobOptions.READ_DATA, "none"));
        assertEquals(RunStatus.SUCCEEDED, structure.status(), structure.error());
        assertTrue(structure.metrics().summary().endsWith("; no data read"), structure.metrics().summary());
    }

    @Test
    void aCheckJobWithAReadDataOptionItCannotUseIsRefusedBeforeItIsSaved() {
        for (String bad : List.of("rotate/0", "rotate/x", "rotate/257", "11/10", "half")) {
            JobDefinition job = f.job("bad check", JobKind.CHECK, repo).withOption(JobOptions.READ_DATA, bad);
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> f.runner.validate(job));
            assertTrue(e.getMessage().contains("read-data '" + bad + "'"), e.getMessage());
        }
        f.runner.validate(f.job("good check", JobKind.CHECK, repo).withOption(JobOptions.READ_DATA, "5%"));
    }

    @Test
    void aJobWhoseRepositoryLocationHoldsASecretIsRefusedBeforeItIsSaved() {
        JobDefinition job = f.job("offsite", JobKind.BACKUP, "s3:bucket=b,endpoint=http://127.0.0.1:9,access_key=AK,secret_key=SK-123",
                source.toString());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> f.runner.validate(job));
        assertTrue(e.getMessage().contains("secret_key=***") && e.getMessage().contains("target:NAME"), e.getMessage());
        assertFalse(e.getMessage().contains("SK-123"), e.getMessage());
        f.runner.validate(f.job("local", JobKind.BACKUP, repo, source.toString()));
    }

    @Test
    void anAdHocCheckUsesThePasswordOfTheJobItComesFrom() throws Exception {
        JobDefinition backup = backupJob();
        run(backup);
        Run r = run(RepositoryChecks.of(backup, "none"));
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(JobKind.CHECK, r.kind());
        assertEquals("Repository check (home)", r.jobName());
        assertTrue(r.metrics().repositoryBytes() > 0);
    }

    @Test
    void aJobWithAWrongPasswordFailsSayingWhatToFix() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong"), "nope\n");
        JobDefinition job = backupJob().withOption(JobOptions.PASSWORD_FILE, wrong.toString());
        Run run = run(job);
        assertEquals(RunStatus.FAILED, run.status());
        assertTrue(run.error().contains("wrong password") && run.error().contains("password-file"), run.error());
    }

    /** Flips one byte inside the stored blob of the named source file's first chunk; returns that file's snapshot path. */
    private String flipAByteOfTheFile(String name) throws IOException {
        PackedBlob where;
        try (StorageTarget t = target(); Repository r = Repositories.open(t, Fixture.PASSWORD, RepositoryOptions.defaults())) {
            Node file = find(r, r.snapshots().get(0).snapshot().tree(), name);
            where = r.index().lookup(BlobType.DATA, file.content().get(0)).orElseThrow();
        }
        Path pack;
        try (Stream<Path> all = Files.walk(Path.of(repo))) {
            String hex = where.pack().hex();
            pack = all.filter(p -> p.getFileName().toString().equals(hex)).findFirst().orElseThrow();
        }
        try (RandomAccessFile raf = new RandomAccessFile(pack.toFile(), "rw")) {
            long at = where.offset() + where.length() / 2;
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x40);
        }
        return source.resolve(name).toString();
    }

    private static Node find(Repository r, Id tree, String name) throws IOException {
        Tree t = r.loadTree(tree);
        for (Node n : t.nodes()) {
            if (n.name().equals(name)) {
                return n;
            }
            if (n.subtree() != null) {
                try {
                    return find(r, n.subtree(), name);
                } catch (IllegalStateException e) {
                    // not below this folder
                }
            }
        }
        throw new IllegalStateException(name + " not found");
    }
}
