package io.backbench.catalog.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The catalog service. Thread-safe; every method blocks on the database (never call it on the UI
 * thread) and throws {@link CatalogException} when the database fails, with a message that says so.
 *
 * <h2>Runs</h2>
 * A run is recorded when it starts ({@link #startRun}, status {@link RunStatus#RUNNING}), gets
 * event-log lines while it runs ({@link #event}), and ends with {@link #finishRun}. Each call commits
 * at once, so a run that was in flight when its process died stays in the catalog as running, and is
 * marked {@link RunStatus#INTERRUPTED} when the catalog next opens on the same host
 * ({@link #markInterruptedRuns}), never left running; earlier runs are untouched.
 *
 * <h2>Queries for the views</h2>
 * {@link #runs} pages, sorts and filters the run history (indexed by start time, job, target and
 * status, so 100,000 runs stay fast); {@link #dailyStats}, {@link #storageByTarget}, {@link #durations},
 * {@link #rpoStatus} and {@link #restoreTestStatus} feed the Dashboard.
 */
@ProviderType
public interface Catalog {

    /** "H2 /home/me/.local/share/backbench/catalog/backbench" or "PostgreSQL jdbc:postgresql://...". */
    String describe();

    /** The schema version the database is at (the highest migration applied). */
    int schemaVersion();

    // ---- job definitions ----

    /**
     * Inserts a definition (a null id gets a new one) or replaces the one with the same id; sets
     * {@code created}/{@code updated}. A name another job has is refused with a message naming it.
     */
    JobDefinition saveJob(JobDefinition job);

    Optional<JobDefinition> job(String id);

    /** Case-sensitive exact name. */
    Optional<JobDefinition> jobByName(String name);

    /** All definitions, by name. */
    List<JobDefinition> jobs();

    /** Deletes a definition; its runs stay in the history under its name. Returns whether it existed. */
    boolean deleteJob(String id);

    /** When the scheduler last fired (or decided to skip to) the job's schedule; empty if never. */
    Optional<Instant> lastScheduled(String jobId);

    void setLastScheduled(String jobId, Instant due);

    // ---- runs ----

    /** Records a run that starts now (status running, owned by this process). */
    Run startRun(NewRun run);

    /** Appends one line to a run's event log. */
    void event(long runId, EventLevel level, String message);

    /**
     * Ends a run: {@code status} must be final; {@code error} is "" or why it did not succeed.
     * Ending a run that already ended is refused (the first end wins).
     */
    Run finishRun(long runId, RunStatus status, Instant ended, RunMetrics metrics, String error);

    Optional<Run> run(long id);

    /** A page of the run history. */
    Page<Run> runs(RunQuery query);

    /** A run's event log, oldest first. */
    List<RunEvent> events(long runId);

    /**
     * Marks as interrupted every run still "running" whose process (on this host) is gone. Called when
     * the catalog opens; callable again at any time. Returns how many were marked.
     */
    int markInterruptedRuns();

    // ---- verification (restore tests) ----

    /** Records a restore test's result; returns it with its id. */
    Verification recordVerification(Verification verification);

    /** Restore tests, newest first; of one job when {@code jobId} is not null. */
    Page<Verification> verifications(String jobId, int offset, int limit);

    // ---- snapshot cache ----

    /** Replaces the cached snapshots of a repository with those read from it now. */
    void replaceSnapshots(String repository, List<CachedSnapshot> snapshots);

    /** The cached snapshots of a repository, oldest first; empty if never cached. */
    List<CachedSnapshot> snapshots(String repository);

    /** The repositories whose snapshots are cached. */
    List<String> cachedRepositories();

    // ---- aggregates for the Dashboard ----

    /**
     * One entry per day from {@code from} to {@code to} (both included, days without runs too), of the
     * finished runs matching {@code filter} that started that day in {@code zone}.
     */
    List<DailyStats> dailyStats(LocalDate from, LocalDate to, ZoneId zone, RunFilter filter);

    /** The latest measured stored size of every repository a run reported on, largest first. */
    List<TargetUsage> storageByTarget();

    /** The last {@code limit} finished runs matching {@code filter}, oldest first. */
    List<DurationPoint> durations(RunFilter filter, int limit);

    /** Every job definition against its RPO at {@code now}, by name. */
    List<RpoStatus> rpoStatus(Instant now);

    /** The latest restore test of every job that has one, by job name. */
    List<RestoreTestStatus> restoreTestStatus();

    // ---- listeners ----

    void addListener(CatalogListener listener);

    void removeListener(CatalogListener listener);
}
