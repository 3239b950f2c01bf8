package io.backbench.jobs.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;

import org.osgi.service.component.annotations.Component;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.catalog.api.Verification;
import io.backbench.jobs.scheduler.api.JobContext;
import io.backbench.jobs.scheduler.api.JobFailedException;
import io.backbench.jobs.scheduler.api.JobKind;
import io.backbench.jobs.scheduler.api.JobOptions;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOperations;
import io.backbench.repository.api.SnapshotFilter;
import io.backbench.repository.api.StoredSnapshot;

/**
 * {@code restore-test}: restores a snapshot of the job's repository ({@code snapshot} option, default
 * the latest of the job's sources) into a sandbox under the temporary folder, checks it and records a
 * {@link Verification}. Damaged files or a restore slower than the RTO fail the run, naming the files.
 */
@Component(service = JobKind.class, property = JobKind.KIND_PROPERTY + "=" + JobKind.RESTORE_TEST)
public final class RestoreTestKind implements JobKind {
    private final RestoreTestEngine engine = new RestoreTestEngine(new SecureRandom(), System::nanoTime);

    /** The folder the test restores under (a folder of its own in it); the system's temporary folder by default. */
    static final String SANDBOX = "sandbox";

    @Override
    public String id() {
        return RESTORE_TEST;
    }

    @Override
    public String displayName() {
        return "Restore test";
    }

    @Override
    public void validate(JobDefinition job) {
        samplePercent(job);
    }

    @Override
    public RunMetrics run(JobDefinition job, JobContext context) throws Exception {
        Instant started = context.clock().instant();
        Repository repo = context.repository();
        String ref = job.option(JobOptions.SNAPSHOT, "latest");
        SnapshotFilter filter = new SnapshotFilter(java.util.List.of(), java.util.List.of(), job.sources());
        StoredSnapshot snapshot = RepositoryOperations.findSnapshot(repo, ref, filter);
        String verifies = job.option(JobOptions.VERIFIES_JOB, job.id());
        String verifiesName = verifies == null || verifies.equals(job.id()) ? job.name()
                : context.catalog().job(verifies).map(JobDefinition::name).orElse(job.name());
        String sandbox = job.option(SANDBOX, "").trim();
        RestoreTestEngine.Request req = new RestoreTestEngine.Request(verifies, verifiesName, job.repository(), samplePercent(job),
                job.rto(), Path.of(sandbox.isEmpty() ? System.getProperty("java.io.tmpdir") : sandbox));
        Verification v;
        try {
            v = engine.test(repo, snapshot, req, started, context.monitor());
        } catch (RestoreTestEngine.SandboxFull e) {
            throw new JobFailedException(e.getMessage(), RunMetrics.NONE);
        }
        v = context.catalog().recordVerification(v.withIds(0, context.runId()));
        double seconds = Math.max(v.restoreTime().toNanos(), 1) / 1e9;
        RunMetrics m = new RunMetrics(v.bytes(), v.bytes(), 0, 0, v.files(), 0, v.bytes() / seconds, v.snapshotId(), 0, v.message());
        if (!v.ok()) {
            throw new JobFailedException(v.message(), m);
        }
        return m;
    }

    private static double samplePercent(JobDefinition job) {
        String s = job.option(JobOptions.SAMPLE_PERCENT, "100");
        try {
            double p = Double.parseDouble(s);
            if (p > 0 && p <= 100) {
                return p;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("restore test '" + job.name() + "': sample-percent must be above 0 and at most 100, not " + s);
    }
}
