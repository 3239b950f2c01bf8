package io.backbench.ui.monitor.itests;

import io.backbench.ui.testing.Osgi;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;

import io.backbench.catalog.api.RunStatus;

/**
 * A year of run history for the Job History benchmark: a realistic mix of 36 jobs (file backups,
 * disk images, restore tests, retention) on 7 targets, mostly succeeded, with sizes and durations
 * that vary per job. Written straight into the catalog's run table in batches, as the catalog tests'
 * bulk insert does: through the Catalog API one run is two commits, and 100,000 runs would take
 * minutes. The catalog embeds its own H2 (see its bnd.bnd), so the connection is made with that
 * copy's classes, loaded from the catalog bundle, to the same database file (same JVM, so H2 hands
 * out a second session of the database the catalog already has open). Test thread only.
 */
final class HistoryRuns {
    private static final String[] HOSTS = {"fileserver-01", "fileserver-02", "sql-prod", "mail-01", "hv-node-03", "laptop-anna",
            "build-agent-7", "web-frontend"};
    private static final String[][] WORK = {{"Home folders", "backup"}, {"Project share", "backup"}, {"SQL dumps", "backup"},
            {"System image", "image"}, {"Restore test", "restore-test"}, {"Retention", "retention"}};
    private static final String[] TARGETS = {"/srv/backup/repo-main", "/mnt/nas-01/backbench", "/mnt/nas-02/backbench",
            "s3://backups-eu-central/backbench", "s3://offsite-archive/backbench", "sftp://vault.lan/srv/repos/backbench",
            "/media/usb-rotation/backbench"};
    private static final String[] ERRORS = {"No space left on device while writing pack %s",
            "Connection reset by peer while uploading pack %s (3 retries)", "Repository is locked by backbench on %s since 02:00",
            "Checksum mismatch in pack %s: the target returned different bytes", "Source folder /srv/share/projects vanished during the run",
            "Timed out after 600 s waiting for the target (%s)"};

    private record Job(String id, String name, String kind, String target, long bytes, long files, double mbPerSecond) {
    }

    private HistoryRuns() {
    }

    /** Writes {@code n} runs started over the year before {@code end}, oldest first. */
    static void fill(Path catalogFolder, int n, Instant end) {
        Random random = new Random(20261127);
        List<Job> jobs = jobs(random);
        long span = Duration.ofDays(365).toMillis();
        long first = end.toEpochMilli() - span;
        String sql = "INSERT INTO run (job_id, job_name, kind, target, host, pid, process_start_ms, started_ms, ended_ms, duration_ms,"
                + " status, bytes_total, bytes_read, bytes_new, bytes_stored, files, dedup_ratio, throughput, snapshot_id,"
                + " repository_bytes, summary, error_text) VALUES (?, ?, ?, ?, 'backup-01', 4242, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = connect(catalogFolder)) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < n; i++) {
                    Job job = jobs.get(random.nextInt(jobs.size()));
                    long started = first + (long) ((double) i / n * span) + random.nextInt(60_000);
                    bind(p, job, started, random);
                    p.addBatch();
                    if (i % 5_000 == 4_999 || i == n - 1) {
                        p.executeBatch();
                        c.commit();
                    }
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot fill the catalog in " + catalogFolder + ": " + e, e);
        }
    }

    private static void bind(PreparedStatement p, Job job, long started, Random random) throws SQLException {
        RunStatus status = status(random.nextInt(1000));
        boolean incremental = job.kind().equals("backup") && random.nextInt(7) != 0;
        long read = job.kind().equals("retention") ? 0 : (long) (job.bytes() * (incremental ? 0.02 + random.nextDouble() * 0.1 : 1.0));
        double seconds = Math.max(4, read / (job.mbPerSecond() * 1_000_000 * (0.6 + random.nextDouble() * 0.8)));
        if (status == RunStatus.FAILED || status == RunStatus.CANCELLED || status == RunStatus.INTERRUPTED) {
            read = (long) (read * random.nextDouble());
            seconds *= random.nextDouble();
        }
        long durationMs = (long) (seconds * 1000);
        long fresh = (long) (read * (incremental ? 0.1 + random.nextDouble() * 0.3 : 0.6));
        long stored = fresh / 2;
        String snapshot = status.good() ? HexFormat.of().formatHex(randomBytes(random, 32)) : null;
        String error = status == RunStatus.FAILED ? String.format(ERRORS[random.nextInt(ERRORS.length)],
                HexFormat.of().formatHex(randomBytes(random, 4))) : status == RunStatus.INTERRUPTED ? "the process ended during the run" : "";
        int k = 1;
        p.setString(k++, job.id());
        p.setString(k++, job.name());
        p.setString(k++, job.kind());
        p.setString(k++, job.target());
        p.setLong(k++, started);
        p.setLong(k++, started + durationMs);
        p.setLong(k++, durationMs);
        p.setString(k++, status.code());
        p.setLong(k++, job.bytes());
        p.setLong(k++, read);
        p.setLong(k++, fresh);
        p.setLong(k++, stored);
        p.setLong(k++, job.kind().equals("retention") ? 0 : (long) (job.files() * (read / (double) job.bytes())) + 1);
        p.setDouble(k++, stored == 0 ? 0 : read / (double) stored);
        p.setDouble(k++, read / seconds);
        p.setString(k++, snapshot);
        p.setLong(k++, job.bytes() * 3);
        p.setString(k++, status.good() ? "backed up " + (read >> 20) + " MiB" : "");
        p.setString(k, error);
    }

    private static RunStatus status(int permille) {
        if (permille < 920) {
            return RunStatus.SUCCEEDED;
        }
        if (permille < 960) {
            return RunStatus.SUCCEEDED_WITH_WARNINGS;
        }
        if (permille < 985) {
            return RunStatus.FAILED;
        }
        return permille < 995 ? RunStatus.CANCELLED : RunStatus.INTERRUPTED;
    }

    private static List<Job> jobs(Random random) {
        List<Job> jobs = new java.util.ArrayList<>();
        for (String host : HOSTS) {
            for (String[] work : WORK) {
                if (jobs.size() == 36 || random.nextInt(3) == 0 && !work[1].equals("backup")) {
                    continue;
                }
                long bytes = (long) Math.pow(10, 8 + random.nextDouble() * 4.3); // 100 MB to 2 TB
                jobs.add(new Job("bench-" + jobs.size(), host + " " + work[0].toLowerCase(java.util.Locale.ROOT), work[1],
                        TARGETS[random.nextInt(TARGETS.length)], bytes, Math.max(1, bytes / (50_000 + random.nextInt(5_000_000))),
                        40 + random.nextInt(360)));
            }
        }
        return jobs;
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** A connection with the catalog bundle's own H2, on the URL the catalog uses (H2Settings.url). */
    private static Connection connect(Path folder) throws SQLException {
        Bundle catalog = Osgi.bundle("io.backbench.catalog").orElseThrow(() -> new AssertionError("no catalog bundle"));
        try {
            Object source = catalog.loadClass("org.h2.jdbcx.JdbcDataSource").getConstructor().newInstance();
            String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("backbench") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
            source.getClass().getMethod("setURL", String.class).invoke(source, url);
            return ((DataSource) source).getConnection("", "");
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot reach the H2 classes inside the catalog bundle: " + e, e);
        }
    }
}
