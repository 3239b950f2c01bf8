package io.backbench.backup.api;

import io.backbench.jobs.api.ProgressMonitor;

/**
 * Shows a backup's progress on a {@link ProgressMonitor} (the workbench's Progress view, a job's
 * run): work in bytes once the scan knows the total (unknown before), the file being read as the sub
 * task, and each unreadable file as a warning. Called from the backup's timer threads.
 */
public final class MonitorListener implements BackupListener {
    private final String task;
    private final ProgressMonitor monitor;
    private long reported;
    private boolean totalKnown;

    /** @param task the name the monitor shows; the caller has begun it with an unknown total */
    public MonitorListener(String task, ProgressMonitor monitor) {
        this.task = task;
        this.monitor = monitor;
    }

    @Override
    public synchronized void progress(BackupProgress p) {
        if (p.scanDone() && !totalKnown) {
            totalKnown = true;
            monitor.begin(task, p.bytesTotal());
            reported = 0;
        }
        if (p.bytesDone() > reported) {
            monitor.worked(p.bytesDone() - reported);
            reported = p.bytesDone();
        }
        if (p.current() != null) {
            monitor.subTask(p.current());
        }
    }

    @Override
    public void warning(String path, String message) {
        monitor.warn(path + ": " + message);
    }
}
