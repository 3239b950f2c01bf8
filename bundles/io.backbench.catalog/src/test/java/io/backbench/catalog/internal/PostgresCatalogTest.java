package io.backbench.catalog.internal;

import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The catalog suite on a real PostgreSQL server that the test starts itself (initdb + pg_ctl on a
 * loopback port). Each test gets an empty schema.
 */
class PostgresCatalogTest extends CatalogContract {
    private static PostgresServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void emptySchema() {
        try (Database db = new Database(url(), user(), password())) {
            db.tx(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS public CASCADE");
                    s.execute("CREATE SCHEMA public");
                }
                return null;
            });
        }
    }

    @Override
    String url() {
        return server.url();
    }

    @Override
    String user() {
        return server.user();
    }

    @Override
    String password() {
        return "";
    }
}
