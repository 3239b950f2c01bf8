package io.backbench.repository.api;

/** Another process holds a lock that conflicts with the one asked for. */
public class RepositoryLockedException extends RepositoryException {
    private static final long serialVersionUID = 1L;

    public RepositoryLockedException(String message) {
        super(message);
    }
}
