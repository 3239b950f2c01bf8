package io.backbench.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.backbench.catalog.api.CatalogException;

/**
 * Brings the schema up to date: numbered scripts {@code migrations/V<n>.sql} (or
 * {@code V<n>.<dialect>.sql}, which wins for that database), applied in order, each in one
 * transaction together with its row in {@code schema_version}. PostgreSQL rolls back a failed
 * script whole; H2 commits DDL statement by statement, so there a failed script may leave part of
 * itself. That is why every statement of a script must be safe to run again ({@code CREATE TABLE IF
 * NOT EXISTS}, {@code CREATE INDEX IF NOT EXISTS}, {@code ADD COLUMN IF NOT EXISTS}): a script cut
 * short (the disk ran full, the process was killed) is then run again from its start on the next
 * open and completes. {@code MigratorTest} cuts every script after each of its statements; the
 * scripts are tested on both databases.
 */
final class Migrator {
    static final String FOLDER = "migrations/";

    private final Database db;
    private final Clock clock;

    Migrator(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Applies what is missing; returns the version the database is at. */
    int migrate() {
        return migrateTo(latest());
    }

    /** Applies the scripts up to {@code target} (for tests: a database as an older Backbench left it). */
    int migrateTo(int target) {
        db.tx(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL PRIMARY KEY,"
                        + " description VARCHAR(200) NOT NULL, applied_ms BIGINT NOT NULL)");
            }
            return null;
        });
        int latest = latest();
        return db.tx(c -> {
            if (db.dialect() == Dialect.POSTGRESQL) {
                // two processes starting at once: the second waits, then finds the work done
                try (Statement s = c.createStatement()) {
                    s.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE");
                }
            }
            int current = current(c);
            if (current > latest) {
                throw new CatalogException("the catalog at " + db.safeUrl() + " has schema version " + current
                        + ", newer than this Backbench knows (" + latest + "); update Backbench, or point it at another catalog");
            }
            for (int v = current + 1; v <= target; v++) {
                apply(c, v);
            }
            return Math.max(current, target);
        });
    }

    static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void apply(Connection c, int version) throws SQLException {
        String script = script(version);
        try (Statement s = c.createStatement()) {
            for (String sql : statements(script)) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException("schema migration " + version + " failed at: " + firstLine(sql) + ": " + e.getMessage(), e);
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_version (version, description, applied_ms) VALUES (?, ?, ?)")) {
            p.setInt(1, version);
            p.setString(2, description(script));
            p.setLong(3, clock.millis());
            p.executeUpdate();
        }
    }

    /** The highest version this Backbench has a script for. */
    static int latest() {
        int v = 0;
        while (read(FOLDER + "V" + (v + 1) + ".sql") != null) {
            v++;
        }
        return v;
    }

    private String script(int version) {
        String special = read(FOLDER + "V" + version + "." + db.dialect().scriptSuffix() + ".sql");
        return special != null ? special : read(FOLDER + "V" + version + ".sql");
    }

    private static String read(String resource) {
        try (InputStream in = Migrator.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalog migration " + resource, e);
        }
    }

    /** The statements of a script: comment lines dropped, split where a line ends with ';'. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            if (t.endsWith(";")) {
                cur.append(t, 0, t.length() - 1);
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(t).append('\n');
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    private static String description(String script) {
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--")) {
                String d = t.substring(2).strip();
                return d.length() > 200 ? d.substring(0, 200) : d;
            }
        }
        return "";
    }

    private static String firstLine(String sql) {
        int nl = sql.indexOf('\n');
        return nl < 0 ? sql : sql.substring(0, nl);
    }
}
