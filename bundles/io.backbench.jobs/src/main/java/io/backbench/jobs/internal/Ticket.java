package io.backbench.jobs.internal;

import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.Run;
import io.backbench.jobs.api.JobHandle;
import io.backbench.jobs.scheduler.api.RunTicket;

/** One requested run. Its mutable parts are guarded by {@code this}; the runner's queue by the runner. */
final class Ticket implements RunTicket {
    private final JobDefinition job;
    private final Set<String> keys;
    private final RunnerEngine runner;
    private final CompletableFuture<Run> completion = new CompletableFuture<>();
    private long runId = -1;
    private JobHandle handle;
    private boolean cancelled;

    Ticket(JobDefinition job, Set<String> keys, RunnerEngine runner) {
        this.job = job;
        this.keys = Set.copyOf(keys);
        this.runner = runner;
    }

    @Override
    public JobDefinition job() {
        return job;
    }

    Set<String> keys() {
        return keys;
    }

    @Override
    public synchronized OptionalLong runId() {
        return runId < 0 ? OptionalLong.empty() : OptionalLong.of(runId);
    }

    synchronized void runId(long id) {
        runId = id;
    }

    @Override
    public synchronized boolean queued() {
        return handle == null && !completion.isDone();
    }

    synchronized void handle(JobHandle h) {
        handle = h;
        if (cancelled) {
            h.cancel();
        }
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    @Override
    public void cancel() {
        JobHandle h;
        synchronized (this) {
            if (cancelled || completion.isDone()) {
                return;
            }
            cancelled = true;
            h = handle;
        }
        if (h != null) {
            h.cancel();
        } else {
            runner.cancelQueued(this);
        }
    }

    void complete(Run run) {
        completion.complete(run);
    }

    void fail(Throwable t) {
        completion.completeExceptionally(t);
    }

    @Override
    public CompletionStage<Run> completion() {
        return completion.minimalCompletionStage();
    }

    @Override
    public String toString() {
        return "run of '" + job.name() + "'";
    }
}
