package io.backbench.jobs.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.NewRun;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.catalog.api.RunStatus;
import io.backbench.jobs.api.JobHandle;
import io.backbench.jobs.api.JobManager;
import io.backbench.jobs.notify.api.Alert;
import io.backbench.jobs.scheduler.api.JobKind;
import io.backbench.jobs.scheduler.api.JobRepositories;
import io.backbench.jobs.scheduler.api.JobRunner;
import io.backbench.jobs.scheduler.api.RunTicket;
import io.backbench.jobs.scheduler.api.Schedule;

/**
 * The runner: a queue of tickets, started in order as soon as their resource keys are free and a
 * slot is open; each started ticket is a {@link RunJob} in the JobManager. Keys and slots are freed
 * when the JobManager says the job is done (whatever ended it). Free of OSGi for tests.
 */
final class RunnerEngine implements JobRunner {
    private final Catalog catalog;
    private final JobManager jobManager;
    private final JobRepositories locator;
    private final Clock clock;
    private final Notifiers notifiers;
    private final Map<String, JobKind> kinds = new ConcurrentHashMap<>();
    private volatile RunnerSettings settings;

    // guarded by this
    private final List<Ticket> queue = new ArrayList<>();
    private final List<Ticket> running = new ArrayList<>();
    private final Set<String> busy = new HashSet<>();

    RunnerEngine(Catalog catalog, JobManager jobManager, JobRepositories locator, Clock clock, Notifiers notifiers,
            RunnerSettings settings) {
        this.catalog = catalog;
        this.jobManager = jobManager;
        this.locator = locator;
        this.clock = clock;
        this.notifiers = notifiers;
        this.settings = settings;
    }

    void addKind(JobKind kind) {
        kinds.put(kind.id(), kind);
    }

    void removeKind(JobKind kind) {
        kinds.remove(kind.id(), kind);
    }

    void settings(RunnerSettings s) {
        settings = s;
        dispatch();
    }

    RunnerSettings settings() {
        return settings;
    }

    Catalog catalog() {
        return catalog;
    }

    Clock clock() {
        return clock;
    }

    JobRepositories locator() {
        return locator;
    }

    void alert(Alert a) {
        notifiers.send(a);
    }

    /** The kind of a definition; a missing one fails the run with a message that names it. */
    JobKind kind(String id) {
        JobKind k = kinds.get(id);
        if (k == null) {
            throw new IllegalStateException("no job kind '" + id + "' is installed (installed: " + String.join(", ", kinds())
                    + "); install the bundle that provides it, or change the job's kind");
        }
        return k;
    }

    @Override
    public void validate(JobDefinition job) {
        JobKind k = kinds.get(job.kind());
        if (k == null) {
            throw new IllegalArgumentException("unknown job kind '" + job.kind() + "'; installed kinds: " + String.join(", ", kinds()));
        }
        Schedule.parse(job.schedule());
        RetentionSpec.parse(job.retention());
        String shown = locator.display(job.repository());
        if (!shown.equals(job.repository())) {
            throw new IllegalArgumentException("job '" + job.name() + "': the repository location " + shown + " holds a secret,"
                    + " which the job list would keep as plain text; add the target once with its secret (the Targets"
                    + " perspective, or 'backbench targets add NAME TYPE key=value ... secret_key=-', which keeps it encrypted)"
                    + " and use target:NAME as the job's repository");
        }
        k.validate(job);
    }

    @Override
    public List<String> kinds() {
        return kinds.keySet().stream().sorted().toList();
    }

    @Override
    public RunTicket submit(JobDefinition job) {
        JobKind k = kinds.get(job.kind());
        Set<String> keys = k != null ? k.resourceKeys(job) : Set.of("repository:" + job.repository());
        Ticket t = new Ticket(job, keys, this);
        synchronized (this) {
            queue.add(t);
        }
        dispatch();
        return t;
    }

    @Override
    public RunTicket runNow(String jobIdOrName) {
        JobDefinition job = catalog.job(jobIdOrName).or(() -> catalog.jobByName(jobIdOrName))
                .orElseThrow(() -> new IllegalArgumentException("no job '" + jobIdOrName + "'; 'backbench jobs list' shows the jobs"));
        return submit(job);
    }

    @Override
    public synchronized List<RunTicket> active() {
        List<RunTicket> all = new ArrayList<>(running);
        all.addAll(queue);
        return all;
    }

    @Override
    public synchronized Optional<RunTicket> find(long runId) {
        return running.stream().filter(t -> t.runId().orElse(-1) == runId).map(t -> (RunTicket) t).findFirst();
    }

    void cancelQueued(Ticket t) {
        synchronized (this) {
            if (!queue.remove(t)) {
                return; // started meanwhile: its handle was cancelled by Ticket.handle
            }
        }
        recordNeverStarted(t, "cancelled before it started");
    }

    /** Starts what can start; called after every change. */
    private void dispatch() {
        List<Ticket> start = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Ticket> it = queue.iterator(); it.hasNext() && running.size() < settings.maxConcurrent(); ) {
                Ticket t = it.next();
                if (t.keys().stream().noneMatch(busy::contains)) {
                    it.remove();
                    busy.addAll(t.keys());
                    running.add(t);
                    start.add(t);
                }
            }
        }
        for (Ticket t : start) {
            JobHandle h = jobManager.submit(new RunJob(t, this));
            t.handle(h);
            h.completion().whenComplete((status, error) -> finished(t));
        }
    }

    /** Called on the JobManager's thread when the job is done, or was cancelled before it ran. */
    private void finished(Ticket t) {
        synchronized (this) {
            running.remove(t);
            busy.removeAll(t.keys());
        }
        if (t.runId().isEmpty()) {
            recordNeverStarted(t, t.cancelled() ? "cancelled before it started" : "the job manager did not run it (shutting down)");
        }
        dispatch();
    }

    private void recordNeverStarted(Ticket t, String why) {
        try {
            JobDefinition j = t.job();
            Run r = catalog.startRun(new NewRun(j.id(), j.name(), j.kind(), j.repository(), clock.instant()));
            t.runId(r.id());
            t.complete(catalog.finishRun(r.id(), RunStatus.CANCELLED, clock.instant(), RunMetrics.NONE, why));
        } catch (RuntimeException e) {
            t.fail(e);
        }
    }
}
