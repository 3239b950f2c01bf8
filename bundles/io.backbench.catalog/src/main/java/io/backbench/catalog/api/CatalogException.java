package io.backbench.catalog.api;

/**
 * The catalog could not do what was asked: the database is unreachable, or the request breaks a
 * rule (a duplicate job name). The message says what happened and what to do.
 */
public class CatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
