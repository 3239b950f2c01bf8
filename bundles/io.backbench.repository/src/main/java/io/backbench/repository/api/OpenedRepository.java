package io.backbench.repository.api;

import java.io.IOException;

import io.backbench.target.api.StorageTarget;

/**
 * A repository opened on a storage target that was opened for it: closing this closes both, the
 * repository first (its flush and its locks need the target). What the command line's and the jobs'
 * repository access hand out.
 */
public record OpenedRepository(Repository repository, StorageTarget target) implements AutoCloseable {
    @Override
    public void close() throws IOException {
        try {
            repository.close();
        } finally {
            target.close();
        }
    }
}
