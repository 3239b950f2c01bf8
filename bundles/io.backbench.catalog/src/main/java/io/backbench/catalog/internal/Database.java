package io.backbench.catalog.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

import io.backbench.catalog.api.CatalogException;
import io.backbench.target.api.io.IoErrors;

/**
 * The catalog's database: a data source (H2's or PostgreSQL's, never DriverManager, which does not
 * see drivers inside OSGi) and a small pool of idle connections. Work runs in {@link #tx}: one
 * transaction on a borrowed connection, committed before it returns. Thread-safe.
 */
final class Database implements AutoCloseable {
    private static final int MAX_IDLE = 4;

    /** A unit of work on a connection; runs inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final String url;
    private final Dialect dialect;
    private final DataSource source;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    Database(String url, String user, String password) {
        this.url = url;
        this.dialect = Dialect.of(url);
        this.source = dialect == Dialect.H2 ? h2(url, user, password) : postgres(url, user, password);
    }

    private static DataSource h2(String url, String user, String password) {
        H2Settings.loopbackOnly();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser(user == null ? "" : user);
        ds.setPassword(password == null ? "" : password);
        return ds;
    }

    private static DataSource postgres(String url, String user, String password) {
        try {
            return PostgresSource.create(url, user, password);
        } catch (NoClassDefFoundError e) {
            throw new CatalogException("the catalog url points at PostgreSQL but the PostgreSQL driver bundle"
                    + " (org.postgresql.jdbc) is not installed; install it or use the embedded H2 catalog", e);
        }
    }

    Dialect dialect() {
        return dialect;
    }

    String url() {
        return url;
    }

    <T> T tx(Work<T> work) {
        Connection c = borrow();
        boolean ok = false;
        try {
            T result = work.run(c);
            c.commit();
            ok = true;
            return result;
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            if (!ok) {
                rollbackQuietly(c);
            }
            giveBack(c, ok);
        }
    }

    /** What a failed statement or connection means, for the one who reads the message. */
    private CatalogException failed(SQLException e) {
        if (IoErrors.isNoSpace(e)) {
            return new CatalogException("the catalog database (" + safeUrl() + ") cannot be written: its disk is full"
                    + " (no space left on the device). " + (dialect == Dialect.POSTGRESQL
                            ? "Free space on the PostgreSQL server's disk"
                            : "Free space on that disk, or move the data folder elsewhere (--home or BACKBENCH_HOME)")
                    + ", then run again; what the catalog held is kept", e);
        }
        return new CatalogException("the catalog database (" + safeUrl() + ") failed: " + e.getMessage(), e);
    }

    private Connection borrow() {
        synchronized (this) {
            if (closed) {
                throw new CatalogException("the catalog is closed");
            }
            Connection c = idle.pollFirst();
            if (c != null) {
                return c;
            }
        }
        try {
            Connection c = source.getConnection();
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            if (IoErrors.isNoSpace(e)) {
                throw failed(e);
            }
            throw new CatalogException("cannot open the catalog database " + safeUrl() + ": " + e.getMessage()
                    + (dialect == Dialect.POSTGRESQL ? " (check that PostgreSQL runs and the url, user and password in"
                            + " configuration io.backbench.catalog are right)" : ""), e);
        }
    }

    private void giveBack(Connection c, boolean healthy) {
        synchronized (this) {
            if (!closed && healthy && idle.size() < MAX_IDLE) {
                idle.addFirst(c);
                return;
            }
        }
        closeQuietly(c);
    }

    /** The url without a password that someone may have written into it. */
    String safeUrl() {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(Database::closeQuietly);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the connection is broken; giveBack closes it
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // nothing more to do with a connection we are dropping
        }
    }
}
