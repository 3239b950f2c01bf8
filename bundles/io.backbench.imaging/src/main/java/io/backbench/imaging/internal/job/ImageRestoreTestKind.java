package io.backbench.imaging.internal.job;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.catalog.api.Verification;
import io.backbench.core.api.DataFolders;
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
 * job's repository ({@code snapshot} option, default the latest image of the job's sources, else of
 * the verified job's) into a sparse image file in a sandbox ({@code sandbox} option, default
 * {@code <data folder>/cache/restore-tests}, checked for room first), compares every used byte with
 * the repository and runs each filesystem's checker read-only on it, measures the restore time
 * against the RTO and records a {@link Verification} (for the job named by {@code verifies-job},
 * which must exist, else this one). A difference, a filesystem error, a restore that fails (a
 * damaged pack, a missing blob) or one slower than the RTO records a failed test and fails the run.
 */
@Component(service = JobKind.class, property = JobKind.KIND_PROPERTY + "=" + ImageRestoreTestKind.ID)
public final class ImageRestoreTestKind implements JobKind {
    public static final String ID = "image-restore-test";
    static final String SANDBOX = "sandbox";

    @Reference
    private DataFolders folders;

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
        JobDefinition verified = verifiedJob(job, context);
        Repository repo = context.repository();
        // without sources of its own the test takes the verified job's disk, not any disk's latest image
        List<String> sources = job.sources().isEmpty() ? verified.sources() : job.sources();
        SnapshotFilter images = new SnapshotFilter(List.of(), List.of(List.of(DiskImages.TAG)), sources);
        StoredSnapshot snapshot = RepositoryOperations.findSnapshot(repo, job.option(JobOptions.SNAPSHOT, "latest"), images);
        JobProgress progress = new JobProgress(snapshot.id().shortHex(), context.monitor());
        String chosen = job.option(SANDBOX, "").trim();
        Path base = chosen.isEmpty() ? folders.cache().resolve("restore-tests") : Path.of(chosen);
        try (RestoreSandbox sandbox = RestoreSandbox.create(base, context.runId(), repo, snapshot, context.monitor())) {
            Path file = sandbox.folder().resolve("restored.img");
            long t0 = System.nanoTime();
            RestoreResult restored;
            VerifyReport report;
            try {
                restored = DiskImages.export(repo, snapshot, file, progress);
            } catch (IOException | RuntimeException e) {
                throw notRestored(job, verified, context, snapshot, started, Duration.ofNanos(System.nanoTime() - t0), "restoring", e);
            }
            Duration restoreTime = Duration.ofNanos(System.nanoTime() - t0);
            try {
                report = DiskImages.verifyTarget(repo, snapshot, file, true, progress);
            } catch (IOException | RuntimeException e) {
                throw notRestored(job, verified, context, snapshot, started, restoreTime, "checking", e);
            }
            return recorded(job, verified, context, snapshot, started, restored, restoreTime, report);
        }
    }

    /** The job the test counts for: {@code verifies-job}, which must be in the catalog, else this one. */
    private static JobDefinition verifiedJob(JobDefinition job, JobContext context) throws JobFailedException {
        String id = job.option(JobOptions.VERIFIES_JOB, null);
        if (id == null || id.isBlank() || id.equals(job.id())) {
            return job;
        }
        return context.catalog().job(id.trim()).orElseThrow(() -> new JobFailedException("image restore test '" + job.name()
                + "': option " + JobOptions.VERIFIES_JOB + " names no job of the catalog ('" + id + "'); set it to the id of"
                + " the image job whose disk it tests, or remove it to record the test for this job", RunMetrics.NONE));
    }

    private static RunMetrics recorded(JobDefinition job, JobDefinition verified, JobContext context, StoredSnapshot snapshot,
            Instant started, RestoreResult restored, Duration restoreTime, VerifyReport report) throws Exception {
        List<String> failed = new ArrayList<>(report.problems());
        report.fsChecks().stream().filter(c -> !c.ok())
                .forEach(c -> failed.add(c.command() + " exited " + c.exitCode() + ": " + c.output().strip()));
        boolean breached = job.rto() != null && restoreTime.compareTo(job.rto()) > 0;
        String message = message(report, restored, restoreTime, job.rto(), breached);
        context.monitor().info(message);
        Verification v = context.catalog().recordVerification(new Verification(0, context.runId(), verified.id(), verified.name(),
                job.repository(), snapshot.id().hex(), started, report.ok(), 100, report.fsChecks().size(), restored.bytesWritten(),
                restoreTime, job.rto(), breached, failed, message));
        double seconds = Math.max(restoreTime.toNanos(), 1) / 1e9;
        RunMetrics m = new RunMetrics(restored.imageSize(), restored.bytesWritten(), 0, 0, 1, 0, restored.bytesWritten() / seconds,
                snapshot.id().hex(), 0, message);
        if (!v.ok()) {
            throw new JobFailedException(message, m);
        }
        return m;
    }

    /**
     * The restore or the check itself failed (a damaged pack, a missing blob, a full disk): that is a
     * failed test too, recorded so that the Verification view and the Dashboard stop showing the last
     * green one. A cancel is no test result and is recorded as nothing.
     */
    private static Exception notRestored(JobDefinition job, JobDefinition verified, JobContext context, StoredSnapshot snapshot,
            Instant started, Duration time, String phase, Exception e) throws Exception {
        if (e instanceof CancellationException || context.monitor().isCancelled()) {
            return e;
        }
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String message = "the image of snapshot " + snapshot.id().shortHex() + " could not be restored and checked (failed while "
                + phase + "): " + cause;
        context.catalog().recordVerification(new Verification(0, context.runId(), verified.id(), verified.name(), job.repository(),
                snapshot.id().hex(), started, false, 100, 0, 0, time, job.rto(), false, List.of(message), message));
        return new JobFailedException(message, new RunMetrics(0, 0, 0, 0, 0, 0, 0, snapshot.id().hex(), 0, message));
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
}
