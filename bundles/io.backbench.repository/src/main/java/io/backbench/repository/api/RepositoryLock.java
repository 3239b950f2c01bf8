package io.backbench.repository.api;

/**
 * A lock file in {@code locks/}: shared (backup, check) or exclusive (prune, key removal), with
 * restic's semantics. It is refreshed every 5 minutes while held; {@link #close()} removes it.
 */
public interface RepositoryLock extends AutoCloseable {
    boolean exclusive();

    /** Removes the lock file. Idempotent. */
    @Override
    void close() throws RepositoryException;
}
