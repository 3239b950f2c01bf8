package io.backbench.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunFilter;
import io.backbench.catalog.api.RunQuery;
import io.backbench.catalog.api.RunSort;
import io.backbench.catalog.api.RunStatus;
import io.backbench.jobs.notify.api.Alert;
import io.backbench.jobs.scheduler.api.RunTicket;

/** The schedule test: a controllable clock drives the real scheduler, runner, JobManager and catalog. */
class SchedulerEngineTest {
    static final Instant MONDAY = Instant.parse("2026-11-02T00:00:00Z");

    @TempDir
    Path dir;
    TestClock clock;
    Fixture f;
    ProbeKind probe;
    SchedulerEngine scheduler;
    final List<Alert> alerts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        clock = new TestClock(MONDAY.minusSeconds(3600));
        f = new Fixture(dir, clock, 3, new RunnerSettings(3, 0, Duration.ZERO));
        probe = new ProbeKind();
        f.addKind(probe);
        f.notifiers.add(alerts::add);
        scheduler = new SchedulerEngine(f.catalog, f.runner, clock, ZoneOffset.UTC, f.notifiers);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private JobDefinition save(String name, String repo, String schedule) {
        return f.catalog.saveJob(JobDefinition.of(name, "probe", repo, List.of()).withSchedule(schedule));
    }

    /** Ticks once a minute from now to {@code end}, letting every fired run finish before the clock moves on. */
    private void runUntil(Instant end) throws Exception {
        while (!clock.instant().isAfter(end)) {
            scheduler.tick();
            awaitIdle();
            clock.advance(Duration.ofMinutes(1));
        }
    }

    private void awaitIdle() throws Exception {
        for (RunTicket t : f.runner.active()) {
            t.completion().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private List<String> firings(String job) {
        return probe.firings.stream().filter(x -> x.job().equals(job)).map(x -> x.at().toString()).toList();
    }

    @Test
    void jobsFireAtTheRightTimes() throws Exception {
        save("six-hourly", "/r1", "every 6h");
        save("weekday mornings", "/r2", "cron 30 7 * * 1-5");
        save("nightly", "/r3", "daily 02:00");
        save("on demand", "/r4", "manual");
        f.catalog.saveJob(JobDefinition.of("disabled", "probe", "/r5", List.of()).withSchedule("every 1h").withEnabled(false));
        runUntil(MONDAY.plus(Duration.ofDays(1)).plusSeconds(60));
        assertEquals(List.of("2026-11-02T00:00:00Z", "2026-11-02T06:00:00Z", "2026-11-02T12:00:00Z", "2026-11-02T18:00:00Z",
                "2026-11-03T00:00:00Z"), firings("six-hourly"));
        assertEquals(List.of("2026-11-02T07:30:00Z"), firings("weekday mornings"));
        assertEquals(List.of("2026-11-02T02:00:00Z"), firings("nightly"));
        assertEquals(List.of(), firings("on demand"));
        assertEquals(List.of(), firings("disabled"));
        assertEquals(7, f.catalog.runs(RunQuery.newest()).total(), "each firing is one run in the catalog");
        assertTrue(f.catalog.runs(RunQuery.newest()).items().stream().allMatch(r -> r.status() == RunStatus.SUCCEEDED));
    }

    @Test
    void runsMissedWhileOffRunOnceAtStartUp() throws Exception {
        JobDefinition nightly = save("nightly", "/r1", "daily 02:00");
        f.catalog.setLastScheduled(nightly.id(), Instant.parse("2026-11-02T02:00:00Z"));
        // "off" for four days: the 3rd, 4th, 5th and 6th at 02:00 were missed
        clock.set(Instant.parse("2026-11-06T09:15:00Z"));
        SchedulerEngine afterRestart = new SchedulerEngine(f.catalog, f.runner, clock, ZoneOffset.UTC, f.notifiers);
        assertEquals(List.of(nightly.id()), afterRestart.tick());
        awaitIdle();
        assertEquals(List.of(), afterRestart.tick(), "the missed runs collapse into one");
        assertEquals(List.of("2026-11-06T09:15:00Z"), firings("nightly"));
        assertEquals(Instant.parse("2026-11-06T02:00:00Z"), f.catalog.lastScheduled(nightly.id()).orElseThrow());
        assertEquals(Instant.parse("2026-11-07T02:00:00Z"), afterRestart.nextRun(nightly.id()).orElseThrow());
        clock.set(Instant.parse("2026-11-07T02:00:00Z"));
        afterRestart.tick();
        awaitIdle();
        assertEquals(List.of("2026-11-06T09:15:00Z", "2026-11-07T02:00:00Z"), firings("nightly"), "then on schedule again");
    }

    @Test
    void twoJobsOnOneRepositoryNeverRunAtOnceWhileOthersDo() throws Exception {
        save("a on shared", "/shared", "daily 01:00");
        save("b on shared", "/shared", "daily 01:00");
        save("c elsewhere", "/other", "daily 01:00");
        // the first run on /shared and the run on /other must meet inside run() (proves real parallelism);
        // while they are inside, the second /shared job would start if the lock did not hold it back
        CyclicBarrier meet = new CyclicBarrier(2);
        AtomicBoolean firstOnShared = new AtomicBoolean(true);
        probe.hook = job -> {
            if (job.repository().equals("/other") || firstOnShared.getAndSet(false)) {
                meet.await(20, TimeUnit.SECONDS);
                Thread.sleep(300);
            }
        };
        clock.set(Instant.parse("2026-11-02T01:00:00Z"));
        assertEquals(3, scheduler.tick().size());
        awaitIdle();
        assertEquals(1, probe.maxInside.get("/shared"), "two runs on one repository overlapped");
        assertEquals(2, probe.firings.stream().filter(x -> x.job().endsWith("on shared")).count());
        List<Run> runs = f.catalog.runs(RunQuery.newest().sortedBy(RunSort.STARTED, false)
                .withFilter(RunFilter.ALL.withTargets(Set.of("/shared")))).items();
        assertEquals(2, runs.size());
        assertTrue(runs.stream().allMatch(r -> r.status() == RunStatus.SUCCEEDED));
        assertEquals(0, meet.getNumberWaiting());
    }

    @Test
    void anOccurrenceIsSkippedWhileTheJobsPreviousRunIsStillGoing() throws Exception {
        save("slow", "/r1", "every 15m");
        CountDownLatch release = new CountDownLatch(1);
        probe.hook = job -> release.await(20, TimeUnit.SECONDS);
        clock.set(Instant.parse("2026-11-02T00:15:00Z"));
        assertEquals(1, scheduler.tick().size());
        clock.set(Instant.parse("2026-11-02T00:30:00Z"));
        assertEquals(0, scheduler.tick().size());
        release.countDown();
        awaitIdle();
        assertEquals(1, probe.firings.size());
    }

    @Test
    void aBreachedRpoIsAlertedOnceUntilItRecovers() throws Exception {
        JobDefinition j = f.catalog.saveJob(JobDefinition.of("home", "probe", "/r1", List.of()).withObjectives(Duration.ofHours(24), null));
        clock.set(MONDAY);
        scheduler.tick();
        scheduler.tick();
        f.notifiers.close(); // flushes the alert thread
        List<Alert> rpo = new ArrayList<>(alerts.stream().filter(a -> a.kind() == Alert.Kind.RPO_BREACHED).toList());
        assertEquals(1, rpo.size());
        assertEquals(j.id(), rpo.get(0).jobId());
        assertTrue(rpo.get(0).message().contains("no good backup"), rpo.get(0).message());
    }
}
