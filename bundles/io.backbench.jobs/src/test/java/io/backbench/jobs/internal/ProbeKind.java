package io.backbench.jobs.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.jobs.scheduler.api.JobContext;
import io.backbench.jobs.scheduler.api.JobKind;

/**
 * A job kind for scheduler tests: records when each run happened (by the runner's clock) and how
 * many runs on the same repository were inside {@link #run} at once; a hook lets a test hold a run.
 */
class ProbeKind implements JobKind {
    record Firing(String job, Instant at) {
    }

    interface Hook {
        void during(JobDefinition job) throws Exception;
    }

    final List<Firing> firings = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> inside = new ConcurrentHashMap<>();
    final Map<String, Integer> maxInside = new ConcurrentHashMap<>();
    volatile Hook hook = j -> { };

    @Override
    public String id() {
        return "probe";
    }

    @Override
    public String displayName() {
        return "Probe";
    }

    @Override
    public RunMetrics run(JobDefinition job, JobContext context) throws Exception {
        firings.add(new Firing(job.name(), context.clock().instant()));
        AtomicInteger n = inside.computeIfAbsent(job.repository(), k -> new AtomicInteger());
        int now = n.incrementAndGet();
        maxInside.merge(job.repository(), now, Math::max);
        try {
            hook.during(job);
        } finally {
            n.decrementAndGet();
        }
        return RunMetrics.NONE.withSummary("probed");
    }
}
