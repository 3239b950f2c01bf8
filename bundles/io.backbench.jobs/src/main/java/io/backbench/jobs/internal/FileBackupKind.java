package io.backbench.jobs.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.api.BackupResult;
import io.backbench.backup.api.FileBackup;
import io.backbench.backup.api.MonitorListener;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.core.api.DataFolders;
import io.backbench.jobs.api.ProgressMonitor;
import io.backbench.jobs.scheduler.api.JobContext;
import io.backbench.jobs.scheduler.api.JobKind;
import io.backbench.jobs.scheduler.api.JobOptions;
import io.backbench.repository.api.Repository;

/**
 * {@code backup}: backs up the job's sources into its repository, keeping the backup's folder cache in
 * the data folder's cache as the command line does (see {@link FileBackup}); refreshes the snapshot
 * cache.
 */
@Component(service = JobKind.class, property = JobKind.KIND_PROPERTY + "=" + JobKind.BACKUP)
public final class FileBackupKind implements JobKind {
    /** Where backups keep what they saw of each folder; null for nowhere. */
    private final Path cacheDir;

    @Activate
    public FileBackupKind(@Reference DataFolders folders) {
        this(folders.cache().resolve("backup"));
    }

    /** {@code cacheDir}: the folder cache's folder, or null for none. */
    FileBackupKind(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    @Override
    public String id() {
        return BACKUP;
    }

    @Override
    public String displayName() {
        return "File backup";
    }

    @Override
    public void validate(JobDefinition job) {
        if (job.sources().isEmpty()) {
            throw new IllegalArgumentException("backup job '" + job.name() + "' has no source: add the files or folders to back up");
        }
    }

    @Override
    public RunMetrics run(JobDefinition job, JobContext context) throws Exception {
        validate(job);
        ProgressMonitor monitor = context.monitor();
        List<Path> sources = new ArrayList<>();
        job.sources().forEach(s -> sources.add(Path.of(s)));
        BackupOptions options = BackupOptions.of(sources).withExcludes(lines(job.option(JobOptions.EXCLUDES, "")));
        Repository repo = context.repository();
        long before = Repos.storedBytes(repo);
        String task = "Backing up " + String.join(", ", job.sources());
        monitor.begin(task, -1);
        BackupResult r = cacheDir == null ? FileBackup.backup(repo, options, new MonitorListener(task, monitor), monitor::isCancelled)
                : FileBackup.backup(repo, options, new MonitorListener(task, monitor), monitor::isCancelled, cacheDir);
        long after = Repos.storedBytes(repo);
        Repos.refreshSnapshotCache(context.catalog(), job.repository(), repo);
        long files = r.filesNew() + r.filesChanged() + r.filesUnchanged();
        double seconds = Math.max(r.elapsed().toNanos(), 1) / 1e9;
        String summary = String.format("snapshot %s: %d files (%d unchanged), %d bytes, %d bytes new", r.snapshot().shortHex(), files,
                r.filesUnchanged(), r.bytesTotal(), r.bytesNew()) + (r.complete() ? "" : "; " + r.warnings().size() + " could not be read");
        monitor.info(summary);
        return new RunMetrics(r.bytesTotal(), r.bytesRead(), r.bytesNew(), Math.max(0, after - before), files,
                r.bytesNew() > 0 ? (double) r.bytesRead() / r.bytesNew() : 0, r.bytesTotal() / seconds, r.snapshot().hex(), after, summary);
    }

    static List<String> lines(String s) {
        return s.isBlank() ? List.of() : s.lines().map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
