package io.backbench.jobs.api;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/** A submitted job: its live status, a way to cancel it, and its completion. Thread-safe. */
@ProviderType
public interface JobHandle {

    long id();

    /** The current snapshot. */
    JobStatus status();

    /** Asks the job to stop; a waiting job is cancelled at once. Idempotent. */
    void cancel();

    /** Completes with the final status when the job is done, whatever the outcome. */
    CompletionStage<JobStatus> completion();
}
