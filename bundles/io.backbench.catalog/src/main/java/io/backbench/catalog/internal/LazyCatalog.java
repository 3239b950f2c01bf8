package io.backbench.catalog.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.CatalogListener;

/**
 * The {@link Catalog} service of a CLI process: the database is opened on the first call, so a
 * command that never uses the catalog (most of them) loads no JDBC driver and opens no file. A
 * failed open is reported to that caller and tried again on the next call. Listeners added before
 * the open are kept and attached to it. A {@link Proxy}, so there is no hand-written copy of the
 * interface to keep in step.
 *
 * <p>The embedded H2 file is opened for this process alone (no TCP server) until the first
 * {@code startRun}: a command that records a run (jobs run, verify) holds the catalog for as long as
 * the job takes, so it then reopens it serving other processes (the workbench, other commands), as
 * the workbench and the server do from the start. Thread-safe.
 */
final class LazyCatalog implements InvocationHandler {
    private final Function<Boolean, JdbcCatalog> opener; // (serve) -> the opened catalog
    private final List<CatalogListener> listeners = new ArrayList<>(); // guarded by this
    private JdbcCatalog catalog; // guarded by this
    private boolean closed; // guarded by this
    private boolean serving; // guarded by this

    private LazyCatalog(Function<Boolean, JdbcCatalog> opener, boolean serve) {
        this.opener = opener;
        this.serving = serve;
    }

    /** {@code opener} opens the database, serving it to other processes if its argument is true. */
    static LazyCatalog of(Function<Boolean, JdbcCatalog> opener, boolean serve) {
        return new LazyCatalog(opener, serve);
    }

    Catalog proxy() {
        return (Catalog) Proxy.newProxyInstance(Catalog.class.getClassLoader(), new Class<?>[] {Catalog.class}, this);
    }

    /** Whether the database has been opened (for tests and diagnostics). */
    synchronized boolean isOpen() {
        return catalog != null;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "equals":
                return method.getParameterCount() == 1 ? proxy == args[0] : call(method, args);
            case "hashCode":
                return method.getParameterCount() == 0 ? System.identityHashCode(proxy) : call(method, args);
            case "toString":
                return method.getParameterCount() == 0 ? "catalog (opened on first use)" : call(method, args);
            case "addListener":
                addListener((CatalogListener) args[0]);
                return null;
            case "removeListener":
                removeListener((CatalogListener) args[0]);
                return null;
            case "startRun":
                serve();
                return call(method, args);
            default:
                return call(method, args);
        }
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(open(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    synchronized JdbcCatalog open() {
        if (closed) {
            throw new IllegalStateException("the catalog service has been closed (its bundle stopped)");
        }
        if (catalog == null) {
            catalog = opener.apply(serving);
            listeners.forEach(catalog::addListener);
        }
        return catalog;
    }

    /** Whether the open database is served to other processes (or will be when opened). */
    synchronized boolean serving() {
        return serving;
    }

    private synchronized void serve() {
        if (serving) {
            return;
        }
        serving = true;
        if (catalog != null) {
            catalog.close(); // (H2 closes the file when its last connection closes; reopened below)
            catalog = null;
        }
        open();
    }

    synchronized void addListener(CatalogListener l) {
        listeners.add(l);
        if (catalog != null) {
            catalog.addListener(l);
        }
    }

    synchronized void removeListener(CatalogListener l) {
        listeners.remove(l);
        if (catalog != null) {
            catalog.removeListener(l);
        }
    }

    synchronized void close() {
        closed = true;
        if (catalog != null) {
            catalog.close();
            catalog = null;
        }
    }
}
