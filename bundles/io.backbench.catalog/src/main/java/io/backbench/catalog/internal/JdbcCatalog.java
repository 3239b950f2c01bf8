package io.backbench.catalog.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.backbench.catalog.api.CachedSnapshot;
import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.CatalogException;
import io.backbench.catalog.api.CatalogChange;
import io.backbench.catalog.api.CatalogChange.What;
import io.backbench.catalog.api.CatalogListener;
import io.backbench.catalog.api.DailyStats;
import io.backbench.catalog.api.DurationPoint;
import io.backbench.catalog.api.EventLevel;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.NewRun;
import io.backbench.catalog.api.Page;
import io.backbench.catalog.api.RestoreTestStatus;
import io.backbench.catalog.api.RpoStatus;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunEvent;
import io.backbench.catalog.api.RunFilter;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.catalog.api.RunQuery;
import io.backbench.catalog.api.RunStatus;
import io.backbench.catalog.api.TargetUsage;
import io.backbench.catalog.api.Verification;

/** The catalog on JDBC: the tables' stores behind the one service interface. Free of OSGi for tests. */
public final class JdbcCatalog implements Catalog, AutoCloseable {
    private final Database db;
    private final int version;
    private final JobStore jobs;
    private final RunStore runs;
    private final RunQueries queries;
    private final Aggregates aggregates;
    private final VerificationStore verifications;
    private final SnapshotStore snapshots;
    private final List<CatalogListener> listeners = new CopyOnWriteArrayList<>();

    private JdbcCatalog(Database db, Clock clock) {
        this.db = db;
        this.version = new Migrator(db, clock).migrate();
        this.jobs = new JobStore(db, clock);
        this.runs = new RunStore(db, clock, ProcessIdentity.current());
        this.queries = new RunQueries(db);
        this.aggregates = new Aggregates(db);
        this.verifications = new VerificationStore(db);
        this.snapshots = new SnapshotStore(db);
    }

    /**
     * Opens (creating and migrating as needed) the catalog at a JDBC url, then marks the runs of dead
     * processes interrupted.
     */
    public static JdbcCatalog open(String url, String user, String password, Clock clock) {
        Database db = new Database(url, user, password);
        try {
            JdbcCatalog catalog = new JdbcCatalog(db, clock);
            catalog.markInterruptedRuns();
            return catalog;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The embedded H2 catalog in {@code folder}. */
    public static JdbcCatalog openH2(Path folder, Clock clock) {
        return openH2(folder, clock, true, Duration.ZERO);
    }

    /**
     * The embedded H2 catalog in {@code folder}, serving it to other processes if {@code serve}. The
     * file is used by one process at a time: if another one holds it, this one connects to that
     * process's server if it has one (a workbench, the server, a CLI command running a job), else
     * it tries again until {@code wait} has passed (a short CLI command holds it for a moment).
     */
    public static JdbcCatalog openH2(Path folder, Clock clock, boolean serve, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean asClient = serve;
        while (true) {
            try {
                return open(H2Settings.url(folder, asClient), "", "", clock);
            } catch (CatalogException e) {
                if (!inUseElsewhere(e)) {
                    throw e;
                }
                if (!asClient) {
                    asClient = true; // AUTO_SERVER=TRUE connects to the holder's server, if it has one
                    continue;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new CatalogException("the catalog " + folder + " is in use by another Backbench process that"
                            + " does not share it (a command still running?); try again when it has finished", e);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    // H2's DATABASE_ALREADY_OPEN_1 ("Database may be already in use")
    private static boolean inUseElsewhere(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == 90020) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return (db.dialect() == Dialect.H2 ? "H2 " : "PostgreSQL ") + db.safeUrl();
    }

    @Override
    public int schemaVersion() {
        return version;
    }

    @Override
    public JobDefinition saveJob(JobDefinition job) {
        JobDefinition saved = jobs.save(job);
        fire(What.JOB, saved.id());
        return saved;
    }

    @Override
    public Optional<JobDefinition> job(String id) {
        return jobs.byId(id);
    }

    @Override
    public Optional<JobDefinition> jobByName(String name) {
        return jobs.byName(name);
    }

    @Override
    public List<JobDefinition> jobs() {
        return jobs.all();
    }

    @Override
    public boolean deleteJob(String id) {
        boolean deleted = jobs.delete(id);
        if (deleted) {
            fire(What.JOB_DELETED, id);
        }
        return deleted;
    }

    @Override
    public Optional<Instant> lastScheduled(String jobId) {
        return jobs.lastScheduled(jobId);
    }

    @Override
    public void setLastScheduled(String jobId, Instant due) {
        jobs.setLastScheduled(jobId, due);
    }

    @Override
    public Run startRun(NewRun run) {
        Run r = runs.start(run);
        fire(What.RUN_STARTED, Long.toString(r.id()));
        return r;
    }

    @Override
    public void event(long runId, EventLevel level, String message) {
        runs.event(runId, level, message);
        fire(What.RUN_EVENT, Long.toString(runId));
    }

    @Override
    public Run finishRun(long runId, RunStatus status, Instant ended, RunMetrics metrics, String error) {
        Run r = runs.finish(runId, status, ended, metrics == null ? RunMetrics.NONE : metrics, error);
        fire(What.RUN_FINISHED, Long.toString(runId));
        return r;
    }

    @Override
    public Optional<Run> run(long id) {
        return runs.byId(id);
    }

    @Override
    public Page<Run> runs(RunQuery query) {
        return queries.page(query);
    }

    @Override
    public List<RunEvent> events(long runId) {
        return runs.events(runId);
    }

    @Override
    public int markInterruptedRuns() {
        List<Long> marked = runs.markInterrupted();
        marked.forEach(id -> fire(What.RUN_FINISHED, Long.toString(id)));
        return marked.size();
    }

    @Override
    public Verification recordVerification(Verification verification) {
        Verification v = verifications.record(verification);
        fire(What.VERIFICATION, Long.toString(v.id()));
        return v;
    }

    @Override
    public Page<Verification> verifications(String jobId, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > RunQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 1 to " + RunQuery.MAX_LIMIT);
        }
        return verifications.page(jobId, offset, limit);
    }

    @Override
    public void replaceSnapshots(String repository, List<CachedSnapshot> list) {
        snapshots.replace(repository, list);
        fire(What.SNAPSHOTS, repository);
    }

    @Override
    public List<CachedSnapshot> snapshots(String repository) {
        return snapshots.list(repository);
    }

    @Override
    public List<String> cachedRepositories() {
        return snapshots.repositories();
    }

    @Override
    public List<DailyStats> dailyStats(LocalDate from, LocalDate to, ZoneId zone, RunFilter filter) {
        return aggregates.daily(from, to, zone, filter == null ? RunFilter.ALL : filter);
    }

    @Override
    public List<TargetUsage> storageByTarget() {
        return aggregates.storage();
    }

    @Override
    public List<DurationPoint> durations(RunFilter filter, int limit) {
        return queries.durations(filter == null ? RunFilter.ALL : filter, limit);
    }

    @Override
    public List<RpoStatus> rpoStatus(Instant now) {
        return aggregates.rpo(jobs.all(), now);
    }

    @Override
    public List<RestoreTestStatus> restoreTestStatus() {
        Map<String, String> names = new LinkedHashMap<>();
        jobs.all().forEach(j -> names.put(j.id(), j.name()));
        return verifications.latestPerJob(names);
    }

    @Override
    public void addListener(CatalogListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(CatalogListener listener) {
        listeners.remove(listener);
    }

    private void fire(What what, String id) {
        CatalogChange change = new CatalogChange(what, id);
        for (CatalogListener l : listeners) {
            try {
                l.changed(change);
            } catch (RuntimeException e) {
                System.err.println("backbench: a catalog listener failed: " + e);
            }
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
