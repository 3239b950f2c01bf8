package io.backbench.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.catalog.api.CatalogException;

class MigratorTest {
    @TempDir
    Path dir;

    @Test
    void splitsScriptsIntoStatementsAtLineEndSemicolonsAndDropsComments() {
        assertEquals(List.of("CREATE TABLE a (\nx INT)", "CREATE INDEX i ON a (x)"),
                Migrator.statements("-- the header\nCREATE TABLE a (\n  x INT);\n\n-- note\nCREATE INDEX i ON a (x);\n"));
    }

    @Test
    void recordsEachAppliedVersionWithItsDescription() {
        try (Database db = new Database(H2Settings.url(dir), "", "")) {
            assertEquals(1, new Migrator(db, Clock.systemUTC()).migrate());
            assertEquals(1, new Migrator(db, Clock.systemUTC()).migrate(), "a second run applies nothing");
            String d = db.tx(c -> {
                try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT description FROM schema_version WHERE version = 1")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertTrue(d.startsWith("Version 1: job definitions"), d);
        }
    }

    @Test
    void aScriptCutShortAfterAnyOfItsStatementsCompletesOnTheNextOpen() throws Exception {
        List<String> whole;
        try (Database db = new Database(H2Settings.url(dir.resolve("whole")), "", "")) {
            new Migrator(db, Clock.systemUTC()).migrate();
            whole = schema(db);
        }
        assertTrue(whole.size() > 20, "tables and indexes: " + whole);
        for (int v = 1; script(v) != null; v++) {
            List<String> statements = Migrator.statements(script(v));
            for (int k = 0; k < statements.size(); k++) {
                Path at = dir.resolve("v" + v + "-cut-after-" + k);
                try (Database db = new Database(H2Settings.url(at), "", "")) {
                    int version = v;
                    int cut = k;
                    // the scripts before, whole; then this one's first k statements, as H2 commits them
                    // when a later one fails (the disk ran full, the process was killed)
                    new Migrator(db, Clock.systemUTC()).migrateTo(version - 1);
                    db.tx(c -> {
                        try (Statement s = c.createStatement()) {
                            for (String sql : statements.subList(0, cut)) {
                                s.execute(sql);
                            }
                        }
                        return null;
                    });
                    assertEquals(Migrator.latest(), new Migrator(db, Clock.systemUTC()).migrate(),
                            "version " + version + " cut after statement " + cut);
                    assertEquals(whole, schema(db), "version " + version + " cut after statement " + cut);
                }
            }
        }
    }

    private static String script(int version) throws Exception {
        try (var in = Migrator.class.getResourceAsStream(Migrator.FOLDER + "V" + version + ".h2.sql")) {
            if (in != null) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        try (var in = Migrator.class.getResourceAsStream(Migrator.FOLDER + "V" + version + ".sql")) {
            return in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The tables, their columns and the indexes, by name. */
    private static List<String> schema(Database db) {
        return db.tx(c -> {
            List<String> names = new java.util.ArrayList<>();
            try (Statement s = c.createStatement();
                    var rs = s.executeQuery("SELECT TABLE_NAME || '.' || COLUMN_NAME || ' ' || DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                            + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY 1")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            try (Statement s = c.createStatement();
                    var rs = s.executeQuery("SELECT TABLE_NAME || ' index ' || INDEX_NAME || ' ' || INDEX_TYPE_NAME"
                            + " FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY 1")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    @Test
    void refusesADatabaseFromANewerBackbench() {
        try (Database db = new Database(H2Settings.url(dir), "", "")) {
            new Migrator(db, Clock.systemUTC()).migrate();
            db.tx(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO schema_version VALUES (99, 'from the future', 0)");
                }
                return null;
            });
            CatalogException e = assertThrows(CatalogException.class, () -> new Migrator(db, Clock.systemUTC()).migrate());
            assertTrue(e.getMessage().contains("schema version 99, newer than this Backbench knows (1)"), e.getMessage());
        }
    }
}
