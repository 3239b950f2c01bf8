package io.backbench.jobs.scheduler.api;

import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.Run;

/** A run requested from the {@link JobRunner}: queued, then running, then done. Thread-safe. */
@ProviderType
public interface RunTicket {

    JobDefinition job();

    /** The catalog run id, once the run started (or was recorded as cancelled before it started). */
    OptionalLong runId();

    /** Whether it is still waiting for its resources or a free slot. */
    boolean queued();

    /** Stops it: a queued run is recorded as cancelled at once, a running one is asked to stop. Idempotent. */
    void cancel();

    /** Completes with the run as the catalog recorded it at its end, whatever the outcome. */
    CompletionStage<Run> completion();
}
