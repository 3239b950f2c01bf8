/**
 * Scheduled jobs: the {@link io.backbench.jobs.scheduler.api.JobKind} SPI that kinds of work register
 * (file backup, restore test, retention, repository check; a disk-image bundle adds {@code image}), the
 * {@link io.backbench.jobs.scheduler.api.JobRunner} that runs job definitions through the JobManager and
 * records them in the catalog, the {@link io.backbench.jobs.scheduler.api.Scheduler} that fires them on
 * their {@link io.backbench.jobs.scheduler.api.Schedule}, and helpers to request restore tests and checks.
 * Version 0.x: the API may still change.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.5.0")
package io.backbench.jobs.scheduler.api;
