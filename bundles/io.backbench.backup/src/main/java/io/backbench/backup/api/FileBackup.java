package io.backbench.backup.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import io.backbench.backup.internal.backup.BackupEngine;
import io.backbench.backup.internal.backup.FileOpener;
import io.backbench.backup.internal.backup.ScanAhead;
import io.backbench.repository.api.Repository;

/** Backs up files and folders into a repository. */
public final class FileBackup {
    private FileBackup() {
    }

    /**
     * Backs up {@code options.sources()} into {@code repo} under a shared lock and saves a snapshot
     * whose tree is laid out as restic lays it out (the absolute path of every source, with the
     * metadata of the folders on the way). Files that look unchanged against the parent snapshot
     * (same size, mtime, ctime and inode) reuse its content without being opened. A file that cannot
     * be read is left out with a warning and the backup goes on (see {@link BackupResult#complete()}).
     *
     * <p>Blocks the calling thread; the work runs on a pool of {@code options.threads()} threads.
     *
     * @param cancelled polled often; when it says true the run stops, writes the index of the packs it
     *                  uploaded (a later run reuses them) and throws {@link CancellationException}
     * @throws IOException if a source does not exist, or the repository fails
     */
    public static BackupResult backup(Repository repo, BackupOptions options, BackupListener listener, BooleanSupplier cancelled)
            throws IOException {
        return new BackupEngine(repo, options, listener, cancelled, FileOpener.DEFAULT).run();
    }

    /**
     * As {@link #backup(Repository, BackupOptions, BackupListener, BooleanSupplier)}, keeping what it
     * saw of each folder in {@code cacheDir} (a folder on this machine, such as the data folder's
     * cache): the next backup of the same sources, whose parent is this snapshot, reuses the trees of
     * the folders whose entries are as they were, without loading the parent's trees. Deleting the
     * folder at any time only costs that reuse once.
     */
    public static BackupResult backup(Repository repo, BackupOptions options, BackupListener listener, BooleanSupplier cancelled,
            Path cacheDir) throws IOException {
        return new BackupEngine(repo, options, listener, cancelled, FileOpener.DEFAULT, cacheDir).run();
    }

    /**
     * As {@link #backup(Repository, BackupOptions, BackupListener, BooleanSupplier, Path)}, going on
     * from {@code scan}: the listing of the sources started before the repository was open (see
     * {@link #scan}). A scan of other sources or filters, or one closed or used before, is left alone.
     */
    public static BackupResult backup(Repository repo, BackupOptions options, BackupListener listener, BooleanSupplier cancelled,
            Path cacheDir, SourceScan scan) throws IOException {
        return new BackupEngine(repo, options, listener, cancelled, FileOpener.DEFAULT, cacheDir,
                scan instanceof ScanAhead s ? s : null).run();
    }

    /**
     * Starts listing the folders of {@code options.sources()}, on a thread of its own, for a backup
     * with these options that follows. Call it before opening the repository: opening derives the key
     * from the password (a few hundred milliseconds of one core), while listing folders from a cold
     * disk mostly waits for the disk, so the two overlap. Close the result when the backup is over, or
     * when none follows (a wrong password). Never fails: a scan that cannot start (a missing exclude
     * file) leaves the listing, and the error, to the backup.
     */
    public static SourceScan scan(BackupOptions options) {
        ScanAhead s = ScanAhead.start(options);
        return s != null ? s : () -> {
        };
    }
}
