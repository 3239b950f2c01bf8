package io.backbench.backup.api;

import java.io.IOException;

import io.backbench.jobs.api.Job;
import io.backbench.jobs.api.ProgressMonitor;
import io.backbench.repository.api.Repository;

/**
 * A backup as a {@link Job} for the JobManager: progress in bytes goes to the {@link ProgressMonitor}
 * (restarted with the total once the scan knows it), unreadable files become warnings in the run's
 * log, and cancelling the job stops the backup (its uploaded packs are indexed for the next run).
 */
public final class BackupJob implements Job {

    /** Opens the repository on the job's worker thread; the job closes it. */
    @FunctionalInterface
    public interface RepositoryOpener {
        Repository open() throws IOException;
    }

    private final String name;
    private final RepositoryOpener opener;
    private final BackupOptions options;

    public BackupJob(String name, RepositoryOpener opener, BackupOptions options) {
        this.name = name;
        this.opener = opener;
        this.options = options;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "backup";
    }

    @Override
    public String run(ProgressMonitor monitor) throws Exception {
        monitor.begin(name, -1);
        BackupListener listener = new MonitorListener(name, monitor);
        try (Repository repo = opener.open()) {
            BackupResult r = FileBackup.backup(repo, options, listener, monitor::isCancelled);
            String summary = String.format("snapshot %s: %d files (%d unchanged), %d bytes, %d bytes new",
                    r.snapshot().shortHex(), r.filesNew() + r.filesChanged() + r.filesUnchanged(), r.filesUnchanged(),
                    r.bytesTotal(), r.bytesNew());
            return r.complete() ? summary : summary + "; INCOMPLETE: " + r.warnings().size() + " could not be read";
        }
    }
}
