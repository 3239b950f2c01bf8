package io.backbench.jobs.scheduler.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.backbench.catalog.api.JobDefinition;

/**
 * Runs job definitions: each through the JobManager (so the Progress view shows it and can cancel
 * it) and recorded in the catalog (start, event log, end, metrics). At most one run at a time holds
 * each resource key of its kind ({@link JobKind#resourceKeys}); at most a configured number run at
 * once overall (ConfigAdmin PID {@code io.backbench.jobs.runner}, {@code maxConcurrent}, default 2);
 * the rest wait in order. Transient target errors are retried with exponential back-off
 * ({@code retries}, default 3; {@code backoffSeconds}, default 30). A failed run is sent to every
 * {@link io.backbench.jobs.notify.api.Notifier}. Available in every mode, the CLI's too. Thread-safe.
 */
@ProviderType
public interface JobRunner {

    /**
     * Queues a run of {@code job} (saved or ad hoc: a definition without id runs without being
     * saved). A kind that is not installed fails the run with a message naming it.
     */
    RunTicket submit(JobDefinition job);

    /** Queues a run of the saved job with this id or name. */
    RunTicket runNow(String jobIdOrName);

    /** Runs waiting or running, in the order they were submitted. */
    List<RunTicket> active();

    /** The active ticket whose catalog run has this id. */
    Optional<RunTicket> find(long runId);

    /**
     * Checks a definition before it is saved: its kind is installed, its schedule and retention parse,
     * and the kind accepts it. Throws {@link IllegalArgumentException} whose message names the problem.
     */
    void validate(JobDefinition job);

    /** The ids of the installed job kinds. */
    List<String> kinds();
}
