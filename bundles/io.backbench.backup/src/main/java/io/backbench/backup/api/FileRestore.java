package io.backbench.backup.api;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import io.backbench.backup.internal.restore.RestoreEngine;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repository;

/** Restores snapshots made by {@link FileBackup} or by restic. */
public final class FileRestore {
    private FileRestore() {
    }

    /**
     * Restores snapshot {@code snapshot} (or the parts {@code options.includes()} select) below
     * {@code options.target()}: content, type, permissions, owners (when asked), times to the
     * nanosecond, symlinks, hard links (re-linked), FIFOs and device nodes, extended attributes; files
     * with all-zero chunks are written sparse. Folders get their metadata after their content.
     * Errors on single entries are collected in the result and the restore goes on.
     *
     * @param cancelled polled between files; when true the restore stops and throws {@link CancellationException}
     * @throws IOException if the snapshot cannot be read or the target folder cannot be created
     */
    public static RestoreResult restore(Repository repo, Id snapshot, RestoreOptions options, RestoreListener listener,
            BooleanSupplier cancelled) throws IOException {
        return new RestoreEngine(repo, options, listener, cancelled).restore(repo.loadSnapshot(snapshot).tree());
    }
}
