package io.backbench.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.backbench.catalog.api.CatalogException;
import io.backbench.catalog.api.EventLevel;
import io.backbench.catalog.api.NewRun;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunEvent;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.catalog.api.RunStatus;

/** The run and run_event tables: recording runs as they happen. */
final class RunStore {
    static final String COLUMNS = "id, job_id, job_name, kind, target, host, started_ms, ended_ms, status, bytes_total, bytes_read,"
            + " bytes_new, bytes_stored, files, dedup_ratio, throughput, snapshot_id, repository_bytes, summary, error_text";
    static final int MAX_MESSAGE = 4000;

    private final Database db;
    private final Clock clock;
    private final ProcessIdentity me;

    RunStore(Database db, Clock clock, ProcessIdentity me) {
        this.db = db;
        this.clock = clock;
        this.me = me;
    }

    Run start(NewRun r) {
        return db.tx(c -> {
            long id;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO run (job_id, job_name, kind, target, host, pid, process_start_ms,"
                    + " started_ms, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                if (r.jobId() == null) {
                    p.setNull(1, Types.VARCHAR);
                } else {
                    p.setString(1, r.jobId());
                }
                p.setString(2, Text.clip(r.jobName(), 200));
                p.setString(3, r.kind());
                p.setString(4, Text.clip(r.target(), 1000));
                p.setString(5, me.host());
                p.setLong(6, me.pid());
                p.setLong(7, me.startMillis());
                p.setLong(8, r.started().toEpochMilli());
                p.setString(9, RunStatus.RUNNING.code());
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            return byId(c, id).orElseThrow();
        });
    }

    void event(long runId, EventLevel level, String message) {
        db.tx(c -> {
            insertEvent(c, runId, clock.millis(), level, message);
            return null;
        });
    }

    Run finish(long runId, RunStatus status, Instant ended, RunMetrics m, String error) {
        if (!status.done()) {
            throw new IllegalArgumentException("a run ends with a final status, not " + status);
        }
        return db.tx(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE run SET status = ?, ended_ms = ?, duration_ms = ? - started_ms,"
                    + " bytes_total = ?, bytes_read = ?, bytes_new = ?, bytes_stored = ?, files = ?, dedup_ratio = ?, throughput = ?,"
                    + " snapshot_id = ?, repository_bytes = ?, summary = ?, error_text = ? WHERE id = ? AND status = ?")) {
                p.setString(1, status.code());
                p.setLong(2, ended.toEpochMilli());
                p.setLong(3, ended.toEpochMilli());
                p.setLong(4, m.bytesTotal());
                p.setLong(5, m.bytesRead());
                p.setLong(6, m.bytesNew());
                p.setLong(7, m.bytesStored());
                p.setLong(8, m.files());
                p.setDouble(9, finite(m.dedupRatio()));
                p.setDouble(10, finite(m.throughput()));
                p.setString(11, m.snapshotId());
                p.setLong(12, m.repositoryBytes());
                p.setString(13, Text.clip(m.summary(), 2000));
                p.setString(14, Text.clip(error == null ? "" : error, 10000));
                p.setLong(15, runId);
                p.setString(16, RunStatus.RUNNING.code());
                if (p.executeUpdate() == 0) {
                    Optional<Run> r = byId(c, runId);
                    throw new CatalogException(r.isEmpty() ? "no run " + runId + " in the catalog"
                            : "run " + runId + " already ended (" + r.get().status().code() + ")");
                }
            }
            return byId(c, runId).orElseThrow();
        });
    }

    Optional<Run> byId(long id) {
        return db.tx(c -> byId(c, id));
    }

    List<RunEvent> events(long runId) {
        return db.tx(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT time_ms, level, message FROM run_event WHERE run_id = ? ORDER BY id")) {
                p.setLong(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    List<RunEvent> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new RunEvent(runId, Instant.ofEpochMilli(rs.getLong(1)), EventLevel.valueOf(rs.getString(2)), rs.getString(3)));
                    }
                    return out;
                }
            }
        });
    }

    /** Runs of this host still "running" whose process is gone become interrupted, ending at their last sign of life. */
    List<Long> markInterrupted() {
        return db.tx(c -> {
            List<long[]> candidates = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, pid, process_start_ms, started_ms FROM run WHERE host = ? AND status = ?")) {
                p.setString(1, me.host());
                p.setString(2, RunStatus.RUNNING.code());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                    }
                }
            }
            List<Long> marked = new ArrayList<>();
            for (long[] r : candidates) {
                if (ProcessIdentity.alive(r[1], r[2])) {
                    continue;
                }
                long lastSeen = Math.max(r[3], lastEventMillis(c, r[0]));
                String why = "interrupted: the process that ran it (pid " + r[1] + " on " + me.host()
                        + ") ended before the run finished; its result is unknown, run the job again";
                try (PreparedStatement p = c.prepareStatement("UPDATE run SET status = ?, ended_ms = ?, duration_ms = ? - started_ms, error_text = ?"
                        + " WHERE id = ? AND status = ?")) {
                    p.setString(1, RunStatus.INTERRUPTED.code());
                    p.setLong(2, lastSeen);
                    p.setLong(3, lastSeen);
                    p.setString(4, why);
                    p.setLong(5, r[0]);
                    p.setString(6, RunStatus.RUNNING.code());
                    if (p.executeUpdate() == 0) {
                        continue;
                    }
                }
                insertEvent(c, r[0], clock.millis(), EventLevel.ERROR, why);
                marked.add(r[0]);
            }
            return marked;
        });
    }

    private static long lastEventMillis(Connection c, long runId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT MAX(time_ms) FROM run_event WHERE run_id = ?")) {
            p.setLong(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void insertEvent(Connection c, long runId, long time, EventLevel level, String message) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO run_event (run_id, time_ms, level, message) VALUES (?, ?, ?, ?)")) {
            p.setLong(1, runId);
            p.setLong(2, time);
            p.setString(3, level.name());
            p.setString(4, Text.clip(message, MAX_MESSAGE));
            p.executeUpdate();
        }
    }

    static Optional<Run> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM run WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Reads a row selected with {@link #COLUMNS}. */
    static Run read(ResultSet rs) throws SQLException {
        long ended = rs.getLong(8);
        Instant end = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
        RunMetrics m = new RunMetrics(rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14),
                rs.getDouble(15), rs.getDouble(16), rs.getString(17), rs.getLong(18), rs.getString(19));
        return new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                Instant.ofEpochMilli(rs.getLong(7)), end, RunStatus.ofCode(rs.getString(9)), m, rs.getString(20));
    }

    private static double finite(double d) {
        return Double.isFinite(d) ? d : 0;
    }
}
