/**
 * Background jobs with progress and cancellation.
 *
 * <p>Engines (file backup, imaging, restore tests) describe their work as a {@link
 * io.backbench.jobs.api.Job}; the {@link io.backbench.jobs.api.JobManager} service runs it on a
 * worker thread, hands it a {@link io.backbench.jobs.api.ProgressMonitor}, and tells {@link
 * io.backbench.jobs.api.JobListener}s (the Progress view, the CLI's progress line, the catalog)
 * what happens. The manager is the single place that knows what is running.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.backbench.jobs.api;
