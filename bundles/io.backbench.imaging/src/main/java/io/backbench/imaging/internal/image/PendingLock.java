package io.backbench.imaging.internal.image;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.RepositoryLock;

/**
 * A shared repository lock taken on a thread of its own while the caller analyses the source:
 * taking a lock writes a lock file, lists the others and reads them, and on a target whose listings
 * may lag behind writes waits 200 ms before that (as restic's does): time in which the layout
 * analysis fits. The analysis only reads the source; nothing is
 * written to the repository before {@link #await()} returned the lock.
 */
final class PendingLock {
    private final CompletableFuture<RepositoryLock> lock = new CompletableFuture<>();

    private PendingLock() {
    }

    static PendingLock start(Repository repo) {
        PendingLock p = new PendingLock();
        Thread t = new Thread(() -> {
            try {
                p.lock.complete(repo.lock(false));
            } catch (Throwable e) {
                p.lock.completeExceptionally(e);
            }
        }, "backbench-image-lock");
        t.setDaemon(true);
        t.start();
        return p;
    }

    /** Waits for the lock; a failure to take it is thrown as the lock threw it. */
    RepositoryLock await() throws IOException {
        try {
            return lock.get();
        } catch (InterruptedException e) {
            release();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while locking the repository");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException("locking the repository failed: " + c, c);
        }
    }

    /**
     * For a caller that failed before using the lock: throws the lock's own failure if there is one
     * (it would have come first when the lock was taken before the analysis), else removes the lock
     * file and returns.
     */
    void abandon(Throwable callerFailure) throws IOException {
        try (RepositoryLock held = await()) {
            // taken: closing removes the lock file
        } catch (IOException | RuntimeException lockFailure) {
            lockFailure.addSuppressed(callerFailure);
            throw lockFailure;
        }
    }

    /** Removes the lock file once the lock is taken (on the locking thread if that is later). */
    private void release() {
        lock.whenComplete((held, failure) -> {
            if (held != null) {
                try {
                    held.close();
                } catch (RepositoryException ignored) {
                    // a lock file left behind goes stale and is removed by the next command
                }
            }
        });
    }
}
