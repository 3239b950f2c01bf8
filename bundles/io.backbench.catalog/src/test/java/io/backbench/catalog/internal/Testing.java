package io.backbench.catalog.internal;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.NewRun;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.catalog.api.RunStatus;
import io.backbench.catalog.api.Verification;

/** Run histories made of data, for the catalog tests. */
final class Testing {
    private Testing() {
    }

    static boolean failedAt(int i) {
        return i % 7 == 0;
    }

    static long countFailed(int n) {
        long k = 0;
        for (int i = 0; i < n; i++) {
            k += failedAt(i) ? 1 : 0;
        }
        return k;
    }

    /** n varied runs through the catalog's API: 5 jobs, 4 targets, every 7th failed. */
    static void runs(JdbcCatalog c, int n) {
        for (int i = 0; i < n; i++) {
            Instant start = CatalogContract.T0.plus(Duration.ofMinutes(37L * i));
            Run r = c.startRun(new NewRun("job-" + (i % 5), "job name " + (i % 5), i % 3 == 0 ? "restore-test" : "backup",
                    "/r" + (i % 4), start));
            long read = (i * 104_729L) % 1_000_003;
            c.finishRun(r.id(), failedAt(i) ? RunStatus.FAILED : RunStatus.SUCCEEDED, start.plusSeconds((i * 7919L) % 3600),
                    new RunMetrics(read * 3, read, read / 2, read / 4, i, 2, read / 10.0, null, 0, ""),
                    failedAt(i) ? "No space left on device" : "");
        }
    }

    static Run finished(JdbcCatalog c, String job, String target, Instant start, long seconds, RunStatus status, long bytesRead) {
        return finished(c, job, target, start, seconds, status, bytesRead, 0);
    }

    static Run finished(JdbcCatalog c, String job, String target, Instant start, long seconds, RunStatus status, long bytesRead,
            long repositoryBytes) {
        Run r = c.startRun(new NewRun(null, job, "backup", target, start));
        return c.finishRun(r.id(), status, start.plusSeconds(seconds),
                new RunMetrics(bytesRead * 2, bytesRead, bytesRead / 2, bytesRead / 4, 1, 2, 0, null, repositoryBytes, ""), "");
    }

    /** A run of {@code job} that ended at {@code end}. */
    static Run finishedFor(JdbcCatalog c, JobDefinition job, Instant end, RunStatus status) {
        Run r = c.startRun(new NewRun(job.id(), job.name(), job.kind(), job.repository(), end.minusSeconds(60)));
        return c.finishRun(r.id(), status, end, RunMetrics.NONE, status.good() ? "" : "failed");
    }

    static Verification verification(JobDefinition j, Instant t, boolean passed, List<String> failed) {
        return new Verification(0, 0, j.id(), j.name(), j.repository(), "cd".repeat(32), t, passed, 100, 10, 1000,
                Duration.ofMillis(1500), Duration.ofHours(1), false, failed, passed ? "all files restored and equal" : "2 files differ");
    }

    /** n runs in January 2026 written straight into the table in batches (the API would take minutes). */
    static void bulkRuns(String url, String user, String password, int n) {
        try (Database db = new Database(url, user, password)) {
            long t0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
            for (int from = 0; from < n; from += 10_000) {
                int start = from;
                db.tx(c -> {
                    try (PreparedStatement p = c.prepareStatement("INSERT INTO run (job_id, job_name, kind, target, host, pid,"
                            + " process_start_ms, started_ms, ended_ms, duration_ms, status, bytes_total, bytes_read, bytes_new, bytes_stored, files)"
                            + " VALUES (?, ?, 'backup', ?, 'bench', 1, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        for (int i = start; i < Math.min(n, start + 10_000); i++) {
                            long s = t0 + i * 26_000L;
                            p.setString(1, "job-" + (i % 20));
                            p.setString(2, "job " + (i % 20));
                            p.setString(3, "/repo" + (i % 3));
                            p.setLong(4, s);
                            p.setLong(5, s + 1000L * (i % 600));
                            p.setLong(6, 1000L * (i % 600));
                            p.setString(7, (i % 13 == 0 ? RunStatus.FAILED : RunStatus.SUCCEEDED).code());
                            p.setLong(8, i * 5000L);
                            p.setLong(9, i * 1000L);
                            p.setLong(10, i * 100L);
                            p.setLong(11, i * 50L);
                            p.setLong(12, i % 1000);
                            p.addBatch();
                        }
                        p.executeBatch();
                    }
                    return null;
                });
            }
        }
    }
}
