package io.backbench.ui.monitor.internal.snapshots;

import java.nio.file.Path;
import java.util.List;

import io.backbench.backup.api.FileRestore;
import io.backbench.backup.api.RestoreListener;
import io.backbench.backup.api.RestoreOptions;
import io.backbench.backup.api.RestoreResult;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.jobs.api.Job;
import io.backbench.jobs.api.ProgressMonitor;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.OpenedRepository;
import io.backbench.repository.api.Sizes;
import io.backbench.ui.monitor.internal.RepositoryAccess;

/** Restores selected paths of a snapshot below a folder, on a JobManager worker (the Progress view shows it). */
final class RestoreJob implements Job {
    private final RepositoryAccess access;
    private final JobDefinition job;
    private final String snapshotId;
    private final List<String> paths;
    private final Path target;

    RestoreJob(RepositoryAccess access, JobDefinition job, String snapshotId, List<String> paths, Path target) {
        this.access = access;
        this.job = job;
        this.snapshotId = snapshotId;
        this.paths = List.copyOf(paths);
        this.target = target;
    }

    @Override
    public String name() {
        return "Restore " + (paths.size() == 1 ? paths.get(0) : paths.size() + " items") + " from snapshot "
                + snapshotId.substring(0, Math.min(8, snapshotId.length())) + " to " + target;
    }

    @Override
    public String kind() {
        return "restore";
    }

    @Override
    public String run(ProgressMonitor monitor) throws Exception {
        monitor.begin("Opening the repository " + job.repository(), -1);
        try (OpenedRepository o = access.open(job)) {
            RestoreOptions options = RestoreOptions.to(target).withIncludes(paths).withVerify(true);
            RestoreListener listener = new RestoreListener() {
                private boolean begun;
                private long reported;

                @Override
                public synchronized void progress(long filesDone, long filesTotal, long bytesDone, long bytesTotal) {
                    if (!begun) {
                        monitor.begin("Restoring " + filesTotal + " files", bytesTotal);
                        begun = true;
                    }
                    monitor.worked(bytesDone - reported);
                    reported = bytesDone;
                    monitor.subTask(filesDone + " of " + filesTotal + " files");
                }

                @Override
                public void error(String path, String message) {
                    monitor.warn(path == null || path.isEmpty() ? message : path + ": " + message);
                }
            };
            RestoreResult r = FileRestore.restore(o.repository(), Id.parse(snapshotId), options, listener, monitor::isCancelled);
            String summary = (r.files() == 1 ? "1 file" : r.files() + " files") + " (" + Sizes.human(r.bytesWritten()) + ") restored to "
                    + target + " and verified";
            if (r.targetFull()) {
                // the restore's own error says how much was written and what to do; nothing was verified
                throw new java.io.IOException(String.join("; ", r.errors()));
            }
            if (!r.ok()) {
                throw new java.io.IOException(r.errors().size() + " items could not be restored (first: " + r.errors().get(0)
                        + "); " + summary);
            }
            return summary;
        }
    }
}
