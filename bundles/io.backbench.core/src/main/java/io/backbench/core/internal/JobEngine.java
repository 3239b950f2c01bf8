package io.backbench.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.backbench.jobs.api.Job;
import io.backbench.jobs.api.JobHandle;
import io.backbench.jobs.api.JobListener;
import io.backbench.jobs.api.JobManager;
import io.backbench.jobs.api.JobStatus;

/**
 * Runs jobs on a fixed pool of worker threads ("backbench-job-N"); keeps finished jobs for a
 * while so views can show what just happened. Free of OSGi so it can be unit-tested.
 */
final class JobEngine implements JobManager {
    static final int DEFAULT_WORKERS = 2;
    static final Duration DEFAULT_RETENTION = Duration.ofMinutes(10);

    private final ThreadPoolExecutor pool;
    private final JobNotifier notifier = new JobNotifier();
    private final Map<Long, JobRecord> jobs = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Duration retention;

    JobEngine(int workers) {
        this(workers, Clock.systemUTC(), System::nanoTime, DEFAULT_RETENTION);
    }

    JobEngine(int workers, Clock clock, LongSupplier nanoTime, Duration retention) {
        checkWorkers(workers);
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.retention = retention;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "backbench-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Changes the number of workers; queued jobs start as soon as the new ones are free. */
    synchronized void setWorkers(int workers) {
        checkWorkers(workers);
        if (workers > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(workers);
            pool.setCorePoolSize(workers);
        } else {
            pool.setCorePoolSize(workers);
            pool.setMaximumPoolSize(workers);
        }
    }

    int workers() {
        return pool.getCorePoolSize();
    }

    @Override
    public JobHandle submit(Job job) {
        Objects.requireNonNull(job, "job");
        JobRecord record = new JobRecord(ids.incrementAndGet(), job, clock, nanoTime, notifier);
        synchronized (jobs) {
            prune();
            jobs.put(record.id(), record);
        }
        notifier.changed(record.status());
        if (pool.isShutdown()) {
            record.abandon("the job manager is shut down");
        } else {
            pool.execute(record::runOnWorker);
        }
        return record;
    }

    @Override
    public List<JobStatus> jobs() {
        List<JobRecord> copy;
        synchronized (jobs) {
            prune();
            copy = new ArrayList<>(jobs.values());
        }
        List<JobStatus> result = new ArrayList<>(copy.size());
        for (JobRecord r : copy) {
            result.add(r.status());
        }
        return result;
    }

    @Override
    public Optional<JobHandle> find(long id) {
        synchronized (jobs) {
            prune();
            return Optional.ofNullable(jobs.get(id));
        }
    }

    @Override
    public void addListener(JobListener listener) {
        notifier.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(JobListener listener) {
        notifier.remove(listener);
    }

    /** Cancels what waits or runs and stops the threads; called when the component goes away. */
    void shutdown() {
        pool.shutdown();
        List<JobRecord> all;
        synchronized (jobs) {
            all = new ArrayList<>(jobs.values());
        }
        // waiting jobs first: a running job interrupted now frees its worker, which would
        // otherwise start the next queued job before the loop reached it
        String why = "cancelled: Backbench is shutting down";
        all.stream().filter(JobRecord::isWaiting).forEach(r -> r.abandon(why));
        all.forEach(r -> r.abandon(why));
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        notifier.shutdown();
    }

    private void prune() {
        Instant horizon = clock.instant().minus(retention);
        for (Iterator<JobRecord> it = jobs.values().iterator(); it.hasNext(); ) {
            JobRecord r = it.next();
            Instant finished = r.finished();
            if (r.isDone() && finished != null && finished.isBefore(horizon)) {
                it.remove();
            }
        }
    }

    private static void checkWorkers(int workers) {
        if (workers < 1 || workers > 64) {
            throw new IllegalArgumentException("workers must be between 1 and 64, not " + workers
                    + " (configuration PID io.backbench.jobs, property 'workers')");
        }
    }
}
