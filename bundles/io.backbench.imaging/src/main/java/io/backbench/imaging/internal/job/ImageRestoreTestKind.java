package io.backbench.imaging.internal.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.catalog.api.Verification;
import io.backbench.imaging.api.DiskImages;
import io.backbench.imaging.api.RestoreResult;
import io.backbench.imaging.api.VerifyReport;
import io.backbench.jobs.scheduler.api.JobContext;
import io.backbench.jobs.scheduler.api.JobFailedException;
import io.backbench.jobs.scheduler.api.JobKind;
import io.backbench.jobs.scheduler.api.JobOptions;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOperations;
import io.backbench.repository.api.SnapshotFilter;
import io.backbench.repository.api.StoredSnapshot;

/**
 * {@code image-restore-test}: the restore test of a disk image. Restores an image snapshot of the
 * job's repository ({@code snapshot} option, default the latest image of the job's source) into a
 * sparse image file in a sandbox under the temporary folder, compares every used byte with the
 * repository and runs each filesystem's checker read-only on it, measures the restore time against
 * the RTO and records a {@link Verification} (for the job named by {@code verifies-job}, else this
 * one). A difference, a filesystem error or a restore slower than the RTO fails the run.
 */
@Component(service = JobKind.class, property = JobKind.KIND_PROPERTY + "=" + ImageRestoreTestKind.ID)
public final class ImageRestoreTestKind implements JobKind {
    public static final String ID = "image-restore-test";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Image restore test";
    }

    @Override
    public RunMetrics run(JobDefinition job, JobContext context) throws Exception {
        Instant started = context.clock().instant();
        Repository repo = context.repository();
        SnapshotFilter images = new SnapshotFilter(List.of(), List.of(List.of(DiskImages.TAG)), job.sources());
        StoredSnapshot snapshot = RepositoryOperations.findSnapshot(repo, job.option(JobOptions.SNAPSHOT, "latest"), images);
        String verifies = job.option(JobOptions.VERIFIES_JOB, job.id());
        String verifiesName = verifies == null || verifies.equals(job.id()) ? job.name()
                : context.catalog().job(verifies).map(JobDefinition::name).orElse(job.name());
        JobProgress progress = new JobProgress(snapshot.id().shortHex(), context.monitor());
        Path sandbox = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "backbench-image-test-");
        try {
            Path file = sandbox.resolve("restored.img");
            long t0 = System.nanoTime();
            RestoreResult restored = DiskImages.export(repo, snapshot, file, progress);
            Duration restoreTime = Duration.ofNanos(System.nanoTime() - t0);
            VerifyReport report = DiskImages.verifyTarget(repo, snapshot, file, true, progress);
            List<String> failed = new ArrayList<>(report.problems());
            report.fsChecks().stream().filter(c -> !c.ok())
                    .forEach(c -> failed.add(c.command() + " exited " + c.exitCode() + ": " + c.output().strip()));
            boolean breached = job.rto() != null && restoreTime.compareTo(job.rto()) > 0;
            String message = message(report, restored, restoreTime, job.rto(), breached);
            context.monitor().info(message);
            Verification v = context.catalog().recordVerification(new Verification(0, context.runId(), verifies, verifiesName,
                    job.repository(), snapshot.id().hex(), started, report.ok(), 100, report.fsChecks().size(), restored.bytesWritten(),
                    restoreTime, job.rto(), breached, failed, message));
            double seconds = Math.max(restoreTime.toNanos(), 1) / 1e9;
            RunMetrics m = new RunMetrics(restored.imageSize(), restored.bytesWritten(), 0, 0, 1, 0, restored.bytesWritten() / seconds,
                    snapshot.id().hex(), 0, message);
            if (!v.ok()) {
                throw new JobFailedException(message, m);
            }
            return m;
        } finally {
            deleteTree(sandbox);
        }
    }

    private static String message(VerifyReport report, RestoreResult restored, Duration time, Duration rto, boolean breached) {
        StringBuilder sb = new StringBuilder();
        sb.append("image restored (").append(restored.bytesWritten()).append(" bytes written) in ").append(time.toMillis()).append(" ms");
        if (rto != null) {
            sb.append(breached ? ", slower than the RTO of " : ", within the RTO of ").append(rto.toMinutes()).append(" min");
        }
        sb.append("; ").append(report.comparedBytes()).append(" used bytes compared");
        for (VerifyReport.FsCheck c : report.fsChecks()) {
            sb.append("; ").append(c.filesystem()).append(c.partition() == 0 ? "" : " on partition " + c.partition())
                    .append(c.ok() ? " clean" : " NOT clean").append(" (").append(c.command()).append(')');
        }
        if (!report.problems().isEmpty()) {
            sb.append("; ").append(report.problems().size()).append(" differences, first: ").append(report.problems().get(0));
        }
        return sb.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
