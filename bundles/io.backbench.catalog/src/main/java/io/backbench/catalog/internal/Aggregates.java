package io.backbench.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.backbench.catalog.api.DailyStats;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.RpoState;
import io.backbench.catalog.api.RpoStatus;
import io.backbench.catalog.api.RunFilter;
import io.backbench.catalog.api.RunStatus;
import io.backbench.catalog.api.TargetUsage;

/** The Dashboard's numbers. Days are bucketed in Java so that the zone's daylight-saving changes are exact. */
final class Aggregates {
    /** An RPO is amber once the last good backup is older than this share of it. */
    static final double AMBER_SHARE = 0.8;
    private static final String GOOD = "('succeeded', 'succeeded_with_warnings')";

    private final Database db;

    Aggregates(Database db) {
        this.db = db;
    }

    List<DailyStats> daily(LocalDate from, LocalDate to, ZoneId zone, RunFilter filter) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the last day " + to + " is before the first " + from);
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        RunFilterSql f = new RunFilterSql(filter).and("ended_ms IS NOT NULL").and("started_ms >= ?", start.toEpochMilli())
                .and("started_ms < ?", end.toEpochMilli());
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new long[8]);
        }
        db.tx(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT started_ms, ended_ms, status, bytes_total, bytes_read, bytes_new, bytes_stored FROM run"
                    + f.where())) {
                f.bind(p);
                p.setFetchSize(1000);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        long[] a = days.get(Instant.ofEpochMilli(rs.getLong(1)).atZone(zone).toLocalDate());
                        if (a == null) {
                            continue;
                        }
                        RunStatus s = RunStatus.ofCode(rs.getString(3));
                        a[0]++;
                        a[1] += s.good() ? 1 : 0;
                        a[2] += s == RunStatus.FAILED || s == RunStatus.INTERRUPTED ? 1 : 0;
                        a[3] += rs.getLong(4);
                        a[4] += rs.getLong(5);
                        a[5] += rs.getLong(6);
                        a[6] += rs.getLong(7);
                        a[7] += rs.getLong(2) - rs.getLong(1);
                    }
                }
            }
            return null;
        });
        List<DailyStats> out = new ArrayList<>();
        days.forEach((d, a) -> out.add(new DailyStats(d, a[0], a[1], a[2], a[3], a[4], a[5], a[6], Duration.ofMillis(a[7]))));
        return out;
    }

    List<TargetUsage> storage() {
        return db.tx(c -> {
            Map<String, TargetUsage> latest = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT r.target, r.repository_bytes, r.ended_ms FROM run r JOIN"
                    + " (SELECT target, MAX(ended_ms) AS m FROM run WHERE repository_bytes > 0 GROUP BY target) x"
                    + " ON r.target = x.target AND r.ended_ms = x.m WHERE r.repository_bytes > 0");
                    ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    latest.putIfAbsent(rs.getString(1), new TargetUsage(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3))));
                }
            }
            List<TargetUsage> out = new ArrayList<>(latest.values());
            out.sort(Comparator.comparingLong(TargetUsage::bytes).reversed().thenComparing(TargetUsage::target));
            return out;
        });
    }

    List<RpoStatus> rpo(List<JobDefinition> jobs, Instant now) {
        return db.tx(c -> {
            List<RpoStatus> out = new ArrayList<>();
            for (JobDefinition j : jobs) {
                Instant lastGood = lastGood(c, j.id());
                RunStatus lastStatus = lastStatus(c, j.id());
                Duration age = lastGood == null ? null : Duration.between(lastGood, now);
                out.add(new RpoStatus(j.id(), j.name(), j.rpo(), lastGood, age, lastStatus, state(j.rpo(), age, lastStatus)));
            }
            return out;
        });
    }

    static RpoState state(Duration rpo, Duration age, RunStatus lastStatus) {
        if (rpo == null) {
            return RpoState.NONE;
        }
        if (age == null || age.compareTo(rpo) > 0) {
            return RpoState.RED;
        }
        boolean lastBad = lastStatus != null && !lastStatus.good();
        return lastBad || age.toMillis() > rpo.toMillis() * AMBER_SHARE ? RpoState.AMBER : RpoState.GREEN;
    }

    private static Instant lastGood(Connection c, String jobId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT ended_ms FROM run WHERE job_id = ? AND status IN " + GOOD
                + " ORDER BY started_ms DESC, id DESC FETCH FIRST 1 ROWS ONLY")) {
            p.setString(1, jobId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Instant.ofEpochMilli(rs.getLong(1)) : null;
            }
        }
    }

    private static RunStatus lastStatus(Connection c, String jobId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT status FROM run WHERE job_id = ? AND status <> 'running'"
                + " ORDER BY started_ms DESC, id DESC FETCH FIRST 1 ROWS ONLY")) {
            p.setString(1, jobId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? RunStatus.ofCode(rs.getString(1)) : null;
            }
        }
    }
}
