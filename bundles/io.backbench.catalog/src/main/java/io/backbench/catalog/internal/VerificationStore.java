package io.backbench.catalog.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.backbench.catalog.api.Page;
import io.backbench.catalog.api.RestoreTestStatus;
import io.backbench.catalog.api.Verification;

/** The verification table: restore-test results. */
final class VerificationStore {
    private static final String COLUMNS = "id, run_id, job_id, job_name, repository, snapshot_id, started_ms, passed, sample_percent,"
            + " files, bytes, restore_ms, rto_ms, rto_breached, failed_files, message";
    private static final int MAX_FAILED_TEXT = 100_000;

    private final Database db;

    VerificationStore(Database db) {
        this.db = db;
    }

    Verification record(Verification v) {
        return db.tx(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO verification (run_id, job_id, job_name, repository, snapshot_id,"
                    + " started_ms, passed, sample_percent, files, bytes, restore_ms, rto_ms, rto_breached, failed_files, message)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setLong(1, v.runId());
                if (v.jobId() == null) {
                    p.setNull(2, Types.VARCHAR);
                } else {
                    p.setString(2, v.jobId());
                }
                p.setString(3, Text.clip(v.jobName(), 200));
                p.setString(4, Text.clip(v.repository(), 1000));
                p.setString(5, v.snapshotId());
                p.setLong(6, v.started().toEpochMilli());
                p.setBoolean(7, v.passed());
                p.setDouble(8, v.samplePercent());
                p.setLong(9, v.files());
                p.setLong(10, v.bytes());
                p.setLong(11, v.restoreTime().toMillis());
                JobStore.setMillis(p, 12, v.rto());
                p.setBoolean(13, v.rtoBreached());
                p.setString(14, failedText(v.failedFiles()));
                p.setString(15, Text.clip(v.message(), 4000));
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    return v.withIds(keys.getLong(1), v.runId());
                }
            }
        });
    }

    Page<Verification> page(String jobId, int offset, int limit) {
        String where = jobId == null ? "" : " WHERE job_id = ?";
        return db.tx(c -> {
            long total;
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM verification" + where)) {
                if (jobId != null) {
                    p.setString(1, jobId);
                }
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Verification> items = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM verification" + where
                    + " ORDER BY started_ms DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                int i = 1;
                if (jobId != null) {
                    p.setString(i++, jobId);
                }
                p.setInt(i++, offset);
                p.setInt(i, limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        items.add(read(rs));
                    }
                }
            }
            return new Page<>(items, offset, total);
        });
    }

    /** The latest test of each job; the name is the job's current one where it still exists. */
    List<RestoreTestStatus> latestPerJob(Map<String, String> currentNames) {
        return db.tx(c -> {
            List<RestoreTestStatus> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM verification WHERE id IN"
                    + " (SELECT MAX(id) FROM verification WHERE job_id IS NOT NULL GROUP BY job_id)");
                    ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Verification v = read(rs);
                    out.add(new RestoreTestStatus(v.jobId(), currentNames.getOrDefault(v.jobId(), v.jobName()), v));
                }
            }
            out.sort(Comparator.comparing(RestoreTestStatus::jobName));
            return out;
        });
    }

    private static String failedText(List<String> files) {
        StringBuilder sb = new StringBuilder();
        List<String> kept = new ArrayList<>();
        for (String f : files) {
            if (sb.length() + f.length() + 40 > MAX_FAILED_TEXT) {
                kept.add("... and " + (files.size() - kept.size()) + " more");
                break;
            }
            kept.add(f);
            sb.append(f).append('\n');
        }
        return Text.lines(kept);
    }

    private static Verification read(ResultSet rs) throws SQLException {
        Duration rto = JobStore.duration(rs, 13);
        return new Verification(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                Instant.ofEpochMilli(rs.getLong(7)), rs.getBoolean(8), rs.getDouble(9), rs.getLong(10), rs.getLong(11),
                Duration.ofMillis(rs.getLong(12)), rto, rs.getBoolean(14), Text.lines(rs.getString(15)), rs.getString(16));
    }

}
