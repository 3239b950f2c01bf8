package io.backbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.backbench.jobs.api.Job;
import io.backbench.jobs.api.JobHandle;
import io.backbench.jobs.api.JobState;
import io.backbench.jobs.api.JobStatus;
import io.backbench.jobs.api.ProgressMonitor;

class JobEngineTest {
    /** Long enough never to be reached by a working engine; a broken one fails instead of hanging. */
    private static final long WAIT_SECONDS = 20;

    private JobEngine engine = new JobEngine(2);

    @AfterEach
    void shutdown() {
        engine.shutdown();
    }

    @Test
    void runsAJobAndKeepsItsSummary() throws Exception {
        JobStatus done = await(engine.submit(job("copy", m -> "3 files")));
        assertEquals(JobState.SUCCEEDED, done.state());
        assertEquals("3 files", done.result());
        assertTrue(done.started() != null && done.finished() != null);
    }

    @Test
    void warningsMakeItSucceedWithWarnings() throws Exception {
        JobStatus done = await(engine.submit(job("scan", m -> {
            m.warn("cannot read /etc/shadow");
            return "done";
        })));
        assertEquals(JobState.SUCCEEDED_WITH_WARNINGS, done.state());
        assertEquals(List.of("cannot read /etc/shadow"), done.warnings());
    }

    @Test
    void anExceptionFailsTheJobWithItsMessage() throws Exception {
        JobStatus done = await(engine.submit(job("broken", m -> {
            throw new IllegalStateException("repository is locked by host b; wait or run unlock");
        })));
        assertEquals(JobState.FAILED, done.state());
        assertEquals("repository is locked by host b; wait or run unlock", done.result());
    }

    @Test
    void cancellationExceptionEndsItAsCancelled() throws Exception {
        JobStatus done = await(engine.submit(job("stops", m -> {
            throw new CancellationException("stopped");
        })));
        assertEquals(JobState.CANCELLED, done.state());
    }

    @Test
    void cancellingARunningJobSetsTheFlagAndInterruptsIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean flagSeen = new AtomicBoolean();
        JobHandle h = engine.submit(job("waits", m -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(); // only an interrupt ends this
                return "not reached";
            } finally {
                flagSeen.set(m.isCancelled());
            }
        }));
        assertTrue(started.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(JobState.RUNNING, h.status().state());
        h.cancel();
        assertEquals(JobState.CANCELLED, await(h).state());
        assertTrue(flagSeen.get());
    }

    @Test
    void aWaitingJobIsCancelledAtOnceAndNeverRuns() throws Exception {
        engine.shutdown();
        engine = new JobEngine(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        JobHandle blocker = engine.submit(job("blocker", m -> {
            started.countDown();
            release.await();
            return "";
        }));
        AtomicBoolean ran = new AtomicBoolean();
        JobHandle queued = engine.submit(job("queued", m -> {
            ran.set(true);
            return "";
        }));
        assertTrue(started.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(JobState.WAITING, queued.status().state());
        queued.cancel();
        assertEquals(JobState.CANCELLED, queued.status().state());
        release.countDown();
        await(blocker);
        // the single worker has now passed the cancelled entry: a later job proves it moved on
        await(engine.submit(job("after", m -> "")));
        assertFalse(ran.get());
    }

    @Test
    void runsNoMoreJobsAtOnceThanItHasWorkersAndGrowsWhenReconfigured() throws Exception {
        CountDownLatch twoRunning = new CountDownLatch(2);
        CountDownLatch thirdRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        JobHandle a = engine.submit(job("a", m -> {
            twoRunning.countDown();
            release.await();
            return "";
        }));
        JobHandle b = engine.submit(job("b", m -> {
            twoRunning.countDown();
            release.await();
            return "";
        }));
        JobHandle c = engine.submit(job("c", m -> {
            thirdRunning.countDown();
            return "";
        }));
        assertTrue(twoRunning.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(JobState.WAITING, c.status().state(), "both workers are busy");
        engine.setWorkers(3);
        assertTrue(thirdRunning.await(WAIT_SECONDS, TimeUnit.SECONDS), "the third worker takes the queued job");
        release.countDown();
        await(a);
        await(b);
        assertEquals(JobState.SUCCEEDED, await(c).state());
    }

    @Test
    void aCancelInterruptDoesNotLeakIntoTheNextJobOnTheSameWorker() throws Exception {
        engine.shutdown();
        engine = new JobEngine(1);
        CountDownLatch started = new CountDownLatch(1);
        JobHandle first = engine.submit(job("first", m -> {
            started.countDown();
            new CountDownLatch(1).await();
            return "";
        }));
        assertTrue(started.await(WAIT_SECONDS, TimeUnit.SECONDS));
        first.cancel();
        await(first);
        AtomicBoolean interrupted = new AtomicBoolean(true);
        await(engine.submit(job("second", m -> {
            interrupted.set(Thread.currentThread().isInterrupted());
            return "";
        })));
        assertFalse(interrupted.get());
    }

    @Test
    void progressNotificationsAreThrottledButStateChangesAlwaysReported() throws Exception {
        AtomicLong nanos = new AtomicLong();
        engine.shutdown();
        engine = new JobEngine(1, Clock.systemUTC(), nanos::get, Duration.ofMinutes(10));
        List<JobStatus> seen = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        engine.addListener(s -> {
            seen.add(s);
            if (s.state().isDone()) {
                finished.countDown();
            }
        });
        engine.submit(job("many", m -> {
            m.begin("copy", 1000);
            for (int i = 0; i < 1000; i++) {
                m.worked(1); // all within one throttling interval: the clock does not move
            }
            nanos.addAndGet(JobRecord.NOTIFY_INTERVAL_NANOS);
            m.worked(0); // the interval has passed: this one is reported
            return "";
        }));
        assertTrue(finished.await(WAIT_SECONDS, TimeUnit.SECONDS));
        List<JobState> states = seen.stream().map(JobStatus::state).toList();
        assertEquals(JobState.WAITING, states.get(0));
        assertEquals(JobState.SUCCEEDED, states.get(states.size() - 1));
        long progress = seen.stream().filter(s -> s.state() == JobState.RUNNING).count();
        // started + begin + the one after the interval; 1000 worked() calls added nothing
        assertEquals(3, progress, "notifications: " + seen);
        assertEquals(1000, seen.get(seen.size() - 1).worked());
    }

    @Test
    void listenersAreCalledOnTheJobEventsThreadNotTheWorker() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        engine.addListener(s -> {
            threads.add(Thread.currentThread().getName());
            if (s.state().isDone()) {
                finished.countDown();
            }
        });
        engine.submit(job("x", m -> ""));
        assertTrue(finished.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(threads.stream().allMatch("backbench-job-events"::equals), threads.toString());
    }

    @Test
    void finishedJobsAreKeptForTheRetentionTimeThenForgotten() throws Exception {
        MutableClock clock = new MutableClock();
        engine.shutdown();
        engine = new JobEngine(1, clock, System::nanoTime, Duration.ofMinutes(10));
        JobHandle h = engine.submit(job("old", m -> ""));
        await(h);
        clock.now = clock.now.plus(Duration.ofMinutes(9));
        assertEquals(1, engine.jobs().size());
        assertTrue(engine.find(h.id()).isPresent());
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertTrue(engine.jobs().isEmpty());
        assertTrue(engine.find(h.id()).isEmpty());
    }

    @Test
    void jobsAreListedOldestFirstWithIncreasingIds() throws Exception {
        JobHandle a = engine.submit(job("a", m -> ""));
        JobHandle b = engine.submit(job("b", m -> ""));
        await(a);
        await(b);
        List<JobStatus> jobs = engine.jobs();
        assertEquals(List.of("a", "b"), jobs.stream().map(JobStatus::name).toList());
        assertTrue(a.id() < b.id());
    }

    @Test
    void shutdownCancelsWaitingAndRunningJobs() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        JobHandle a = engine.submit(job("a", m -> {
            started.countDown();
            new CountDownLatch(1).await();
            return "";
        }));
        JobHandle b = engine.submit(job("b", m -> {
            started.countDown();
            new CountDownLatch(1).await();
            return "";
        }));
        JobHandle waiting = engine.submit(job("c", m -> ""));
        assertTrue(started.await(WAIT_SECONDS, TimeUnit.SECONDS));
        engine.shutdown();
        assertEquals(JobState.CANCELLED, await(a).state());
        assertEquals(JobState.CANCELLED, await(b).state());
        assertEquals(JobState.CANCELLED, await(waiting).state());
    }

    private static JobStatus await(JobHandle h) throws Exception {
        return h.completion().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    interface Body {
        String run(ProgressMonitor m) throws Exception;
    }

    private static Job job(String name, Body body) {
        return new Job() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String run(ProgressMonitor monitor) throws Exception {
                return body.run(monitor);
            }
        };
    }

    private static final class MutableClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
