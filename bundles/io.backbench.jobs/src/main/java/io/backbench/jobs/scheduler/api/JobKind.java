package io.backbench.jobs.scheduler.api;

import java.util.LinkedHashSet;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.RunMetrics;

/**
 * A kind of job, contributed as an OSGi service (whiteboard) with the service property
 * {@link #KIND_PROPERTY} set to {@link #id()}: the runner finds the kind of a definition by its
 * {@link JobDefinition#kind()}. Backbench ships {@code backup}, {@code restore-test},
 * {@code retention} and {@code check}; the imaging bundle adds {@code image} the same way.
 *
 * <p>Implementations are thread-safe: {@link #run} is called on a JobManager worker thread, for
 * several definitions at once (never two on the same resource key).
 */
@ConsumerType
public interface JobKind {

    /** Service property that repeats {@link #id()}. */
    String KIND_PROPERTY = "backbench.job.kind";

    String BACKUP = "backup";
    String RESTORE_TEST = "restore-test";
    String RETENTION = "retention";
    String CHECK = "check";
    String IMAGE = "image";

    /** The kind's id as definitions name it: lower case, e.g. {@code backup}. */
    String id();

    /** A name for people: "File backup". */
    String displayName();

    /**
     * The resources a run holds exclusively: no two runs sharing a key run at once. The default is
     * the repository ({@code repository:LOCATION}) plus the definition's {@code resource} option
     * if set (e.g. {@code tape:/dev/nst0} for a tape drive).
     */
    default Set<String> resourceKeys(JobDefinition job) {
        Set<String> keys = new LinkedHashSet<>();
        if (!job.repository().isBlank()) {
            keys.add("repository:" + job.repository());
        }
        String extra = job.options().get(JobOptions.RESOURCE);
        if (extra != null && !extra.isBlank()) {
            keys.add(extra.trim());
        }
        return keys;
    }

    /**
     * Checks a definition before it is saved or run; throws {@link IllegalArgumentException} with a
     * message that names what is wrong (a missing source, an unknown option value).
     */
    default void validate(JobDefinition job) {
    }

    /**
     * Does the work. Reports progress through {@code context.monitor()} (its warnings and info lines
     * become the run's event log; a warning makes the run "succeeded with warnings"), stops with
     * {@link java.util.concurrent.CancellationException} when cancelled, throws {@link JobFailedException}
     * when it ran to the end with a failing result (metrics kept), and any other exception on an error
     * (a {@link io.backbench.target.api.TargetException} that {@code isRetryable()} is retried with
     * back-off by the runner).
     *
     * @return what the run moved; its summary is the run's one-line result
     */
    RunMetrics run(JobDefinition job, JobContext context) throws Exception;
}
