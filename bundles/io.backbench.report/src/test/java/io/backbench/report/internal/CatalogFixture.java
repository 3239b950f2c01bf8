package io.backbench.report.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.NewRun;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.catalog.api.RunStatus;
import io.backbench.catalog.api.Verification;
import io.backbench.catalog.internal.JdbcCatalog;

/** The real catalog in an H2 file under a temporary folder, and the runs a test writes into it. */
final class CatalogFixture implements AutoCloseable {
    final MutableClock clock;
    final JdbcCatalog catalog;

    CatalogFixture(Path dir, Instant now) {
        clock = new MutableClock(now);
        catalog = JdbcCatalog.openH2(dir.resolve("catalog"), clock);
    }

    static Instant t(String iso) {
        return Instant.parse(iso);
    }

    /** Saves a backup job as if made at {@code created}. */
    JobDefinition job(String name, String kind, Instant created, Duration rpo, Duration rto) {
        Instant now = clock.instant();
        clock.set(created);
        try {
            return catalog.saveJob(JobDefinition.of(name, kind, "/srv/repo/" + name, List.of("/data")).withObjectives(rpo, rto));
        } finally {
            clock.set(now);
        }
    }

    /** A finished run of {@code job} that started at {@code start} and took {@code minutes}. */
    Run run(JobDefinition job, Instant start, long minutes, RunStatus status, long read, long added, long stored) {
        Run r = catalog.startRun(new NewRun(job.id(), job.name(), job.kind(), job.repository(), start));
        return catalog.finishRun(r.id(), status, start.plus(Duration.ofMinutes(minutes)),
                new RunMetrics(read * 2, read, added, stored, 10, 1, 0, null, 0, ""), status.good() ? "" : "it went wrong");
    }

    Run good(JobDefinition job, Instant end) {
        return run(job, end.minus(Duration.ofMinutes(10)), 10, RunStatus.SUCCEEDED, 1000, 100, 50);
    }

    /** A run that started and never ended (in flight). */
    Run inFlight(JobDefinition job, Instant start) {
        return catalog.startRun(new NewRun(job.id(), job.name(), job.kind(), job.repository(), start));
    }

    Verification restoreTest(JobDefinition job, Instant start, boolean passed, Duration restoreTime, Duration rto) {
        boolean breached = rto != null && restoreTime.compareTo(rto) > 0;
        return catalog.recordVerification(new Verification(0, 0, job.id(), job.name(), job.repository(), "ab".repeat(32), start, passed,
                100, 3, 3000, restoreTime, rto, breached, passed ? List.of() : List.of("/data/x"), passed ? "ok" : "damaged"));
    }

    @Override
    public void close() {
        catalog.close();
    }
}
