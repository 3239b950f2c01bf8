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
