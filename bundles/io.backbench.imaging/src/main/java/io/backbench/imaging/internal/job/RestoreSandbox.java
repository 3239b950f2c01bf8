package io.backbench.imaging.internal.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.backbench.catalog.api.RunMetrics;
import io.backbench.imaging.api.DiskImages;
import io.backbench.imaging.api.ImageSummary;
import io.backbench.jobs.api.ProgressMonitor;
import io.backbench.jobs.scheduler.api.JobFailedException;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.StoredSnapshot;

/**
 * The folder one image restore test restores into: {@code <base>/run-<run id>-...}, made only
 * when the file system there has room for the image's used bytes (the restored file is sparse).
 * Closing removes it; a removal that fails is a warning of the run, never its outcome.
 */
final class RestoreSandbox implements AutoCloseable {
    private final Path folder;
    private final ProgressMonitor monitor;

    private RestoreSandbox(Path folder, ProgressMonitor monitor) {
        this.folder = folder;
        this.monitor = monitor;
    }

    static RestoreSandbox create(Path base, long runId, Repository repo, StoredSnapshot snapshot, ProgressMonitor monitor)
            throws IOException, JobFailedException {
        Path dir = base.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        long needed = usedBytes(repo, snapshot);
        long free = Files.getFileStore(dir).getUsableSpace();
        if (needed > free) {
            throw new JobFailedException("the restore test needs " + needed + " bytes for the image's used blocks but " + dir
                    + " has only " + free + " bytes free; free space there, or set the job's option 'sandbox' to a folder"
                    + " on a larger file system", RunMetrics.NONE);
        }
        Path folder = Files.createTempDirectory(dir, "run-" + runId + "-");
        // the run's log says where: an administrator finds a leftover, a test checks its own sandbox
        monitor.info("restoring into the sandbox " + folder);
        return new RestoreSandbox(folder, monitor);
    }

    /** The image's used bytes; 0 (no check) when its metadata cannot be read: the restore then fails, and is recorded, itself. */
    private static long usedBytes(Repository repo, StoredSnapshot snapshot) {
        try {
            return DiskImages.list(repo).stream().filter(i -> i.snapshot().equals(snapshot.id())).findFirst()
                    .map(ImageSummary::usedBytes).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            monitor.warn("the restore-test sandbox " + folder + " could not be removed (" + e.getMessage()
                    + "); delete it by hand to free its space");
        }
    }
}
