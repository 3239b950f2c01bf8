package io.backbench.repository.api;

import java.io.IOException;

/** A repository operation failed; the message says what happened and, where it can, what to do. */
public class RepositoryException extends IOException {
    private static final long serialVersionUID = 1L;

    public RepositoryException(String message) {
        super(message);
    }

    public RepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
