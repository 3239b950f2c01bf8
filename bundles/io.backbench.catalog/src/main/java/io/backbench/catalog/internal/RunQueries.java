package io.backbench.catalog.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.backbench.catalog.api.DurationPoint;
import io.backbench.catalog.api.Page;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunFilter;
import io.backbench.catalog.api.RunQuery;
import io.backbench.catalog.api.RunSort;
import io.backbench.catalog.api.RunStatus;

/** Reading the run history for the views: pages and the duration trend. */
final class RunQueries {
    private final Database db;

    RunQueries(Database db) {
        this.db = db;
    }

    Page<Run> page(RunQuery q) {
        RunFilterSql f = new RunFilterSql(q.filter());
        String dir = q.descending() ? " DESC" : " ASC";
        String sql = "SELECT " + RunStore.COLUMNS + " FROM run" + f.where() + " ORDER BY " + column(q.sort()) + dir + ", id" + dir
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        return db.tx(c -> {
            long total;
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM run" + f.where())) {
                f.bind(p);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Run> items = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int i = f.bind(p);
                p.setInt(i++, q.offset());
                p.setInt(i, q.limit());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        items.add(RunStore.read(rs));
                    }
                }
            }
            return new Page<>(items, q.offset(), total);
        });
    }

    List<DurationPoint> durations(RunFilter filter, int limit) {
        if (limit < 1 || limit > RunQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + RunQuery.MAX_LIMIT + ", got " + limit);
        }
        RunFilterSql f = new RunFilterSql(filter).and("ended_ms IS NOT NULL");
        String sql = "SELECT id, job_id, job_name, started_ms, ended_ms, status, bytes_read FROM run" + f.where()
                + " ORDER BY started_ms DESC, id DESC FETCH FIRST ? ROWS ONLY";
        return db.tx(c -> {
            List<DurationPoint> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setInt(f.bind(p), limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DurationPoint(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                                Duration.ofMillis(rs.getLong(5) - rs.getLong(4)), RunStatus.ofCode(rs.getString(6)), rs.getLong(7)));
                    }
                }
            }
            Collections.reverse(out);
            return out;
        });
    }

    private static String column(RunSort s) {
        return switch (s) {
            case STARTED -> "started_ms";
            case JOB -> "job_name";
            case KIND -> "kind";
            case TARGET -> "target";
            case STATUS -> "status";
            case DURATION -> "duration_ms";
            case BYTES_TOTAL -> "bytes_total";
            case BYTES_READ -> "bytes_read";
            case BYTES_NEW -> "bytes_new";
            case BYTES_STORED -> "bytes_stored";
            case FILES -> "files";
            case THROUGHPUT -> "throughput";
        };
    }
}
