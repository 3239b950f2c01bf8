package io.backbench.jobs.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when a job changes: submitted, started, progressed (at most a few times a second), done.
 * Called on a job manager thread, never the UI thread; must return quickly and not throw.
 * Register it with {@link JobManager#addListener} or as a whiteboard service.
 */
@ConsumerType
@FunctionalInterface
public interface JobListener {
    void changed(JobStatus status);
}
