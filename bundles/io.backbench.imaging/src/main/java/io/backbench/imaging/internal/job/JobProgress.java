package io.backbench.imaging.internal.job;

import io.backbench.imaging.api.ImageProgress;
import io.backbench.jobs.api.ProgressMonitor;

/**
 * Imaging progress into a job's monitor: each phase ("image", "restore", "compare", ...) is a task
 * in bytes; warnings go to the run's log (and make it "succeeded with warnings"); the job's cancel
 * stops the engine between chunks. Called on the imaging threads; the monitor is thread-safe.
 */
final class JobProgress implements ImageProgress {
    private final String what;
    private final ProgressMonitor monitor;
    private String phase;
    private long reported;

    JobProgress(String what, ProgressMonitor monitor) {
        this.what = what;
        this.monitor = monitor;
    }

    @Override
    public synchronized void update(String p, long done, long total) {
        if (!p.equals(phase)) {
            phase = p;
            reported = 0;
            monitor.begin(task(p) + " " + what, total);
        }
        if (done > reported) {
            monitor.worked(done - reported);
            reported = done;
        }
    }

    private static String task(String phase) {
        return switch (phase) {
            case "analyse" -> "Analysing";
            case "image" -> "Imaging";
            case "restore", "export" -> "Restoring";
            case "compare", "verify" -> "Checking";
            case "fsck" -> "Checking the filesystems of";
            default -> phase;
        };
    }

    @Override
    public void warning(String message) {
        monitor.warn(message);
    }

    @Override
    public boolean cancelled() {
        return monitor.isCancelled();
    }
}
