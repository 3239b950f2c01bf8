package io.backbench.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.backbench.catalog.api.CatalogException;
import io.backbench.catalog.api.JobDefinition;

/** The job_definition table. */
final class JobStore {
    private static final String COLUMNS = "id, name, kind, enabled, sources, repository, schedule, retention, rpo_ms, rto_ms,"
            + " options, created_ms, updated_ms";

    private final Database db;
    private final Clock clock;

    JobStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    JobDefinition save(JobDefinition job) {
        return db.tx(c -> {
            Optional<JobDefinition> sameName = byName(c, job.name());
            if (sameName.isPresent() && !sameName.get().id().equals(job.id())) {
                throw new CatalogException("there is already a job named '" + job.name() + "'; choose another name");
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // what the column keeps
            Optional<JobDefinition> old = job.id() == null ? Optional.empty() : byId(c, job.id());
            String id = job.id() != null ? job.id() : UUID.randomUUID().toString();
            JobDefinition saved = job.withId(id).withTimes(old.map(JobDefinition::created).orElse(now), now);
            String sql = old.isPresent()
                    ? "UPDATE job_definition SET name = ?, kind = ?, enabled = ?, sources = ?, repository = ?, schedule = ?,"
                            + " retention = ?, rpo_ms = ?, rto_ms = ?, options = ?, created_ms = ?, updated_ms = ? WHERE id = ?"
                    : "INSERT INTO job_definition (name, kind, enabled, sources, repository, schedule, retention, rpo_ms, rto_ms,"
                            + " options, created_ms, updated_ms, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, saved.name());
                p.setString(2, saved.kind());
                p.setBoolean(3, saved.enabled());
                p.setString(4, Text.lines(saved.sources()));
                p.setString(5, saved.repository());
                p.setString(6, saved.schedule());
                p.setString(7, saved.retention());
                setMillis(p, 8, saved.rpo());
                setMillis(p, 9, saved.rto());
                p.setString(10, Text.map(saved.options()));
                p.setLong(11, saved.created().toEpochMilli());
                p.setLong(12, saved.updated().toEpochMilli());
                p.setString(13, id);
                p.executeUpdate();
            }
            return saved;
        });
    }

    Optional<JobDefinition> byId(String id) {
        return db.tx(c -> byId(c, id));
    }

    Optional<JobDefinition> byName(String name) {
        return db.tx(c -> byName(c, name));
    }

    List<JobDefinition> all() {
        return db.tx(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM job_definition ORDER BY name");
                    ResultSet rs = p.executeQuery()) {
                List<JobDefinition> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        });
    }

    boolean delete(String id) {
        return db.tx(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM job_definition WHERE id = ?")) {
                p.setString(1, id);
                return p.executeUpdate() > 0;
            }
        });
    }

    Optional<Instant> lastScheduled(String id) {
        return db.tx(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT last_scheduled_ms FROM job_definition WHERE id = ?")) {
                p.setString(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long ms = rs.getLong(1);
                    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
                }
            }
        });
    }

    void setLastScheduled(String id, Instant due) {
        db.tx(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE job_definition SET last_scheduled_ms = ? WHERE id = ?")) {
                p.setLong(1, due.toEpochMilli());
                p.setString(2, id);
                if (p.executeUpdate() == 0) {
                    throw new CatalogException("no job with id " + id + " in the catalog");
                }
            }
            return null;
        });
    }

    private static Optional<JobDefinition> byId(Connection c, String id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM job_definition WHERE id = ?", id);
    }

    private static Optional<JobDefinition> byName(Connection c, String name) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM job_definition WHERE name = ?", name);
    }

    private static Optional<JobDefinition> one(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static JobDefinition read(ResultSet rs) throws SQLException {
        return new JobDefinition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), Text.lines(rs.getString(5)),
                rs.getString(6), rs.getString(7), rs.getString(8), duration(rs, 9), duration(rs, 10), Text.map(rs.getString(11)),
                Instant.ofEpochMilli(rs.getLong(12)), Instant.ofEpochMilli(rs.getLong(13)));
    }

    static Duration duration(ResultSet rs, int column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Duration.ofMillis(ms);
    }

    static void setMillis(PreparedStatement p, int index, Duration d) throws SQLException {
        if (d == null) {
            p.setNull(index, Types.BIGINT);
        } else {
            p.setLong(index, d.toMillis());
        }
    }
}
