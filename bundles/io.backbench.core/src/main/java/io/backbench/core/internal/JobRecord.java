package io.backbench.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

import io.backbench.jobs.api.Job;
import io.backbench.jobs.api.JobHandle;
import io.backbench.jobs.api.JobState;
import io.backbench.jobs.api.JobStatus;
import io.backbench.jobs.api.ProgressMonitor;

/**
 * One submitted job: its handle, its monitor and its mutable state (guarded by {@code this}).
 * Progress is reported to the notifier at most every {@link #NOTIFY_INTERVAL_NANOS}; state
 * changes always.
 */
final class JobRecord implements JobHandle, ProgressMonitor {
    static final long NOTIFY_INTERVAL_NANOS = 200_000_000L;

    private final long id;
    private final Job job;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final JobNotifier notifier;
    private final CompletableFuture<JobStatus> completion = new CompletableFuture<>();

    private JobState state = JobState.WAITING;
    private String task = "";
    private String subTask = "";
    private long worked;
    private long totalWork = -1;
    private Instant started;
    private Instant finished;
    private String result = "";
    private final List<String> warnings = new ArrayList<>();
    private volatile boolean cancelled;
    private Thread runner;
    private long lastNotified = Long.MIN_VALUE;

    JobRecord(long id, Job job, Clock clock, LongSupplier nanoTime, JobNotifier notifier) {
        this.id = id;
        this.job = job;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.notifier = notifier;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public synchronized JobStatus status() {
        return new JobStatus(id, name(), kind(), state, task, subTask, worked, totalWork, started, finished,
                result, warnings);
    }

    @Override
    public CompletionStage<JobStatus> completion() {
        return completion.minimalCompletionStage();
    }

    @Override
    public void cancel() {
        JobStatus done = null;
        synchronized (this) {
            if (state.isDone()) {
                return;
            }
            cancelled = true;
            if (state == JobState.WAITING) {
                done = finish(JobState.CANCELLED, "cancelled before it started");
            } else if (runner != null) {
                // only while RUNNING on its worker: never interrupts the worker's next job
                runner.interrupt();
            }
        }
        if (done != null) {
            notifier.changed(done);
            completion.complete(done);
        }
    }

    /** Called on a worker thread of the pool. */
    void runOnWorker() {
        JobStatus running;
        synchronized (this) {
            if (state != JobState.WAITING) {
                return; // cancelled while queued
            }
            state = JobState.RUNNING;
            started = clock.instant();
            runner = Thread.currentThread();
            running = status();
        }
        notifier.changed(running);
        JobState outcome;
        String text;
        try {
            String summary = job.run(this);
            text = summary == null ? "" : summary;
            synchronized (this) {
                outcome = warnings.isEmpty() ? JobState.SUCCEEDED : JobState.SUCCEEDED_WITH_WARNINGS;
            }
        } catch (CancellationException e) {
            outcome = JobState.CANCELLED;
            text = "cancelled";
        } catch (InterruptedException e) {
            outcome = cancelled ? JobState.CANCELLED : JobState.FAILED;
            text = cancelled ? "cancelled" : "interrupted: the job was stopped from outside";
        } catch (Exception | LinkageError | AssertionError e) {
            outcome = JobState.FAILED;
            text = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
        }
        JobStatus done;
        synchronized (this) {
            runner = null;
            done = finish(outcome, text);
        }
        // clear an interrupt from cancel() so the pool thread starts its next job clean
        Thread.interrupted();
        notifier.changed(done);
        completion.complete(done);
    }

    /** Ends a job that never ran because the manager shut down. */
    void abandon(String why) {
        JobStatus done;
        synchronized (this) {
            if (state.isDone()) {
                return;
            }
            cancelled = true;
            if (state == JobState.RUNNING) {
                if (runner != null) {
                    runner.interrupt();
                }
                return; // runOnWorker finishes it
            }
            done = finish(JobState.CANCELLED, why);
        }
        notifier.changed(done);
        completion.complete(done);
    }

    synchronized boolean isWaiting() {
        return state == JobState.WAITING;
    }

    synchronized boolean isDone() {
        return state.isDone();
    }

    synchronized Instant finished() {
        return finished;
    }

    // ---- ProgressMonitor: called by the job's threads ----

    @Override
    public void begin(String task, long totalWork) {
        JobStatus s;
        synchronized (this) {
            this.task = task == null ? "" : task;
            this.totalWork = totalWork < 0 ? -1 : totalWork;
            this.worked = 0;
            this.subTask = "";
            s = forceNotify();
        }
        notifier.changed(s);
    }

    @Override
    public void worked(long work) {
        JobStatus s;
        synchronized (this) {
            worked += work;
            s = throttledNotify();
        }
        if (s != null) {
            notifier.changed(s);
        }
    }

    @Override
    public void subTask(String detail) {
        JobStatus s;
        synchronized (this) {
            subTask = detail == null ? "" : detail;
            s = throttledNotify();
        }
        if (s != null) {
            notifier.changed(s);
        }
    }

    @Override
    public void warn(String message) {
        JobStatus s;
        synchronized (this) {
            warnings.add(message);
            s = throttledNotify();
        }
        if (s != null) {
            notifier.changed(s);
        }
    }

    @Override
    public void info(String message) {
        // informational lines belong to the run's log, which the catalog keeps (later); not in the status
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    private String name() {
        try {
            return job.name();
        } catch (RuntimeException e) {
            return job.getClass().getName();
        }
    }

    private String kind() {
        try {
            return job.kind();
        } catch (RuntimeException e) {
            return "job";
        }
    }

    private JobStatus finish(JobState outcome, String text) {
        state = outcome;
        result = text;
        finished = clock.instant();
        return status();
    }

    private JobStatus forceNotify() {
        lastNotified = nanoTime.getAsLong();
        return status();
    }

    private JobStatus throttledNotify() {
        long now = nanoTime.getAsLong();
        if (lastNotified != Long.MIN_VALUE && now - lastNotified < NOTIFY_INTERVAL_NANOS) {
            return null;
        }
        lastNotified = now;
        return status();
    }
}
