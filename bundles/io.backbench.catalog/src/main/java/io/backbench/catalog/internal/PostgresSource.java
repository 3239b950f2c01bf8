package io.backbench.catalog.internal;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/** Kept apart so that an H2-only installation never loads the optional PostgreSQL driver. */
final class PostgresSource {
    private PostgresSource() {
    }

    static DataSource create(String url, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        if (user != null && !user.isEmpty()) {
            ds.setUser(user);
        }
        if (password != null && !password.isEmpty()) {
            ds.setPassword(password);
        }
        return ds;
    }
}
