package io.backbench.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunEvent;
import io.backbench.catalog.api.RunStatus;
import io.backbench.jobs.api.JobState;
import io.backbench.jobs.api.JobStatus;
import io.backbench.jobs.notify.api.Alert;
import io.backbench.jobs.scheduler.api.RunTicket;
import io.backbench.target.api.TargetException;

class RunnerEngineTest {
    @TempDir
    Path dir;
    Fixture f;
    ProbeKind probe;
    final List<Alert> alerts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture(dir, Clock.systemUTC(), 4, new RunnerSettings(2, 2, Duration.ofMillis(5)));
        probe = new ProbeKind();
        f.addKind(probe);
        f.notifiers.add(alerts::add);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static Run await(RunTicket t) throws Exception {
        return t.completion().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private JobDefinition job(String name, String repo) {
        return JobDefinition.of(name, "probe", repo, List.of());
    }

    @Test
    void retriesATransientTargetErrorWithBackOffThenSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        probe.hook = j -> {
            if (calls.incrementAndGet() < 3) {
                throw TargetException.transientFailure("connection reset by the NAS", null);
            }
        };
        Run run = await(f.runner.submit(job("flaky", "/r")));
        assertEquals(RunStatus.SUCCEEDED, run.status());
        assertEquals(3, calls.get());
        List<String> log = f.catalog.events(run.id()).stream().map(RunEvent::message).toList();
        assertEquals(2, log.stream().filter(l -> l.startsWith("transient error: connection reset by the NAS; retrying")).count(), log.toString());
    }

    @Test
    void givesUpAfterTheConfiguredRetriesAndDoesNotRetryPermanentErrors() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        probe.hook = j -> {
            calls.incrementAndGet();
            throw TargetException.transientFailure("still down", null);
        };
        assertEquals(RunStatus.FAILED, await(f.runner.submit(job("down", "/r"))).status());
        assertEquals(3, calls.get(), "one try and two retries");
        calls.set(0);
        probe.hook = j -> {
            calls.incrementAndGet();
            throw TargetException.permanentFailure("bucket does not exist", null);
        };
        Run run = await(f.runner.submit(job("misconfigured", "/r")));
        assertEquals(1, calls.get());
        assertEquals("bucket does not exist", run.error());
    }

    @Test
    void aFailedRunIsRecordedWithItsErrorAndSentToTheNotifiers() throws Exception {
        CountDownLatch told = new CountDownLatch(1);
        f.notifiers.add(a -> told.countDown());
        probe.hook = j -> {
            throw new IllegalStateException("the source folder /data is gone; check the mount");
        };
        Run run = await(f.runner.submit(job("broken", "/r")));
        assertEquals(RunStatus.FAILED, run.status());
        assertTrue(told.await(10, TimeUnit.SECONDS));
        assertEquals(Alert.Kind.JOB_FAILED, alerts.get(0).kind());
        assertEquals(run.id(), alerts.get(0).runId());
        assertTrue(alerts.get(0).message().contains("the source folder /data is gone"));
    }

    @Test
    void aKindThatIsNotInstalledFailsTheRunNamingIt() throws Exception {
        Run run = await(f.runner.submit(JobDefinition.of("image of sda", "image", "/r", List.of("/dev/sda"))));
        assertEquals(RunStatus.FAILED, run.status());
        assertTrue(run.error().contains("no job kind 'image' is installed"), run.error());
    }

    @Test
    void cancellingARunningRunStopsItAndRecordsItCancelled() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        probe.hook = j -> {
            inside.countDown();
            Thread.sleep(60_000);
        };
        RunTicket t = f.runner.submit(job("long", "/r"));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        List<JobStatus> progress = f.jobManager.jobs();
        assertTrue(progress.stream().anyMatch(s -> s.name().equals("long") && s.state() == JobState.RUNNING),
                "the Progress view sees the run: " + progress);
        t.cancel();
        Run run = await(t);
        assertEquals(RunStatus.CANCELLED, run.status());
        assertEquals(run, f.catalog.run(t.runId().orElseThrow()).orElseThrow());
    }

    @Test
    void cancellingAQueuedRunRecordsItWithoutRunningItAndFreesTheQueue() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        probe.hook = j -> release.await(30, TimeUnit.SECONDS);
        RunTicket first = f.runner.submit(job("first", "/same"));
        RunTicket second = f.runner.submit(job("second", "/same"));
        RunTicket third = f.runner.submit(job("third", "/same"));
        assertTrue(second.queued());
        second.cancel();
        Run cancelled = await(second);
        assertEquals(RunStatus.CANCELLED, cancelled.status());
        assertEquals("cancelled before it started", cancelled.error());
        release.countDown();
        assertEquals(RunStatus.SUCCEEDED, await(first).status());
        assertEquals(RunStatus.SUCCEEDED, await(third).status());
        assertEquals(List.of("first", "third"), probe.firings.stream().map(ProbeKind.Firing::job).toList());
    }

    @Test
    void noMoreRunsThanTheOverallLimitRunAtOnce() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        probe.hook = j -> {
            max.accumulateAndGet(inside.incrementAndGet(), Math::max);
            Thread.sleep(100);
            inside.decrementAndGet();
        };
        List<RunTicket> tickets = List.of(f.runner.submit(job("a", "/1")), f.runner.submit(job("b", "/2")), f.runner.submit(job("c", "/3")),
                f.runner.submit(job("d", "/4")));
        for (RunTicket t : tickets) {
            assertEquals(RunStatus.SUCCEEDED, await(t).status());
        }
        assertEquals(2, max.get(), "limit 2 with four independent repositories and four JobManager workers");
    }

    @Test
    void runNowFindsASavedJobByNameOrSaysThereIsNone() throws Exception {
        f.catalog.saveJob(job("nightly", "/r"));
        assertEquals(RunStatus.SUCCEEDED, await(f.runner.runNow("nightly")).status());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.runner.runNow("weekly"));
        assertTrue(e.getMessage().contains("no job 'weekly'"));
    }
}
