package io.backbench.catalog.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.backbench.catalog.api.CachedSnapshot;

/** The snapshot_cache table: a copy of each repository's snapshot list, replaced whole. */
final class SnapshotStore {
    private final Database db;

    SnapshotStore(Database db) {
        this.db = db;
    }

    void replace(String repository, List<CachedSnapshot> snapshots) {
        db.tx(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM snapshot_cache WHERE repository = ?")) {
                p.setString(1, repository);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO snapshot_cache (repository, snapshot_id, time_ms, hostname, paths, tags)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
                for (CachedSnapshot s : snapshots) {
                    p.setString(1, repository);
                    p.setString(2, s.id());
                    p.setLong(3, s.time().toEpochMilli());
                    p.setString(4, Text.clip(s.hostname(), 255));
                    p.setString(5, Text.lines(s.paths()));
                    p.setString(6, Text.clip(Text.lines(s.tags()), 4000));
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
    }

    List<CachedSnapshot> list(String repository) {
        return db.tx(c -> {
            List<CachedSnapshot> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT snapshot_id, time_ms, hostname, paths, tags FROM snapshot_cache"
                    + " WHERE repository = ? ORDER BY time_ms, snapshot_id")) {
                p.setString(1, repository);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new CachedSnapshot(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                Text.lines(rs.getString(4)), Text.lines(rs.getString(5))));
                    }
                }
            }
            return out;
        });
    }

    List<String> repositories() {
        return db.tx(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT repository FROM snapshot_cache ORDER BY repository");
                    ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
