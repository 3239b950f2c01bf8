package io.backbench.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.backbench.catalog.api.CachedSnapshot;
import io.backbench.catalog.api.CatalogChange;
import io.backbench.catalog.api.CatalogException;
import io.backbench.catalog.api.DailyStats;
import io.backbench.catalog.api.DurationPoint;
import io.backbench.catalog.api.EventLevel;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.NewRun;
import io.backbench.catalog.api.Page;
import io.backbench.catalog.api.RestoreTestStatus;
import io.backbench.catalog.api.RpoState;
import io.backbench.catalog.api.RpoStatus;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunEvent;
import io.backbench.catalog.api.RunFilter;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.catalog.api.RunQuery;
import io.backbench.catalog.api.RunSort;
import io.backbench.catalog.api.RunStatus;
import io.backbench.catalog.api.TargetUsage;
import io.backbench.catalog.api.Verification;

/**
 * The one catalog test suite: every database the catalog supports runs it (H2 and PostgreSQL), each
 * test on a fresh, empty database that the subclass prepares.
 */
abstract class CatalogContract {
    static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");

    private final List<JdbcCatalog> opened = new ArrayList<>();

    abstract String url();

    abstract String user();

    abstract String password();

    JdbcCatalog open() {
        JdbcCatalog c = JdbcCatalog.open(url(), user(), password(), Clock.systemUTC());
        opened.add(c);
        return c;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(JdbcCatalog::close);
    }

    @Test
    void appliesTheMigrationsOnceAndKeepsDataAcrossReopening() {
        JdbcCatalog c = open();
        assertEquals(1, c.schemaVersion());
        JobDefinition saved = c.saveJob(JobDefinition.of("home", "backup", "/repo", List.of("/home")));
        c.close();
        JdbcCatalog again = open();
        assertEquals(1, again.schemaVersion());
        assertEquals(saved, again.job(saved.id()).orElseThrow());
    }

    @Test
    void savesAndReadsAJobDefinitionWithEveryField() {
        JdbcCatalog c = open();
        JobDefinition j = new JobDefinition(null, "Home to NAS", "backup", false, List.of("/home/a", "/home/b c"), "/mnt/nas/repo",
                "cron 0 3 * * 1-5", "last=7,daily=14", Duration.ofHours(26), Duration.ofMinutes(90),
                Map.of("password-file", "/etc/pw", "excludes", "*.tmp\n*.bak", "odd", "a=b\\c"), null, null);
        JobDefinition saved = c.saveJob(j);
        assertTrue(saved.id() != null && saved.created() != null);
        JobDefinition read = c.jobByName("Home to NAS").orElseThrow();
        assertEquals(saved, read);
        assertEquals("*.tmp\n*.bak", read.options().get("excludes"));
        assertEquals("a=b\\c", read.options().get("odd"));
        assertEquals(List.of("/home/a", "/home/b c"), read.sources());
        assertEquals(Duration.ofHours(26), read.rpo());
        assertFalse(read.enabled());
    }

    @Test
    void refusesASecondJobWithTheSameNameAndSaysWhich() {
        JdbcCatalog c = open();
        c.saveJob(JobDefinition.of("home", "backup", "/repo", List.of("/home")));
        CatalogException e = assertThrows(CatalogException.class, () -> c.saveJob(JobDefinition.of("home", "backup", "/r2", List.of())));
        assertTrue(e.getMessage().contains("'home'"), e.getMessage());
        assertEquals(1, c.jobs().size());
    }

    @Test
    void updatingAJobKeepsItsIdAndCreationTime() {
        JdbcCatalog c = open();
        JobDefinition first = c.saveJob(JobDefinition.of("home", "backup", "/repo", List.of("/home")));
        JobDefinition second = c.saveJob(first.withSchedule("daily 02:30").withName("home2"));
        assertEquals(first.id(), second.id());
        assertEquals(first.created(), second.created());
        assertEquals(List.of("home2"), c.jobs().stream().map(JobDefinition::name).toList());
        assertEquals("daily 02:30", c.job(first.id()).orElseThrow().schedule());
    }

    @Test
    void deletingAJobKeepsItsRunsInTheHistory() {
        JdbcCatalog c = open();
        JobDefinition j = c.saveJob(JobDefinition.of("home", "backup", "/repo", List.of("/home")));
        Run r = c.startRun(new NewRun(j.id(), j.name(), "backup", "/repo", T0));
        c.finishRun(r.id(), RunStatus.SUCCEEDED, T0.plusSeconds(5), RunMetrics.NONE, "");
        assertTrue(c.deleteJob(j.id()));
        assertFalse(c.deleteJob(j.id()));
        assertTrue(c.job(j.id()).isEmpty());
        assertEquals("home", c.run(r.id()).orElseThrow().jobName());
    }

    @Test
    void remembersWhenTheSchedulerLastFiredAJob() {
        JdbcCatalog c = open();
        JobDefinition j = c.saveJob(JobDefinition.of("home", "backup", "/repo", List.of("/home")));
        assertTrue(c.lastScheduled(j.id()).isEmpty());
        c.setLastScheduled(j.id(), T0);
        assertEquals(T0, c.lastScheduled(j.id()).orElseThrow());
        c.saveJob(c.job(j.id()).orElseThrow().withSchedule("every 6h"));
        assertEquals(T0, c.lastScheduled(j.id()).orElseThrow(), "editing a job keeps its schedule mark");
    }

    @Test
    void recordsARunFromStartToEndWithItsMetricsAndEventLog() {
        JdbcCatalog c = open();
        List<CatalogChange> changes = new ArrayList<>();
        c.addListener(changes::add);
        Run r = c.startRun(new NewRun("j1", "home", "backup", "/repo", T0));
        assertEquals(RunStatus.RUNNING, r.status());
        assertNull(r.ended());
        c.event(r.id(), EventLevel.INFO, "scanning");
        c.event(r.id(), EventLevel.WARNING, "/home/x: permission denied");
        RunMetrics m = new RunMetrics(50_000, 10_000, 4_000, 2_500, 12, 2.5, 1234.5, "0f".repeat(32), 99_000, "12 files");
        Run done = c.finishRun(r.id(), RunStatus.SUCCEEDED_WITH_WARNINGS, T0.plusSeconds(90), m, "");
        assertEquals(RunStatus.SUCCEEDED_WITH_WARNINGS, done.status());
        assertEquals(m, done.metrics());
        assertEquals(Duration.ofSeconds(90), done.duration());
        assertEquals(ProcessIdentity.hostName(), done.host());
        List<RunEvent> events = c.events(r.id());
        assertEquals(List.of("scanning", "/home/x: permission denied"), events.stream().map(RunEvent::message).toList());
        assertEquals(EventLevel.WARNING, events.get(1).level());
        assertEquals(List.of(CatalogChange.What.RUN_STARTED, CatalogChange.What.RUN_EVENT, CatalogChange.What.RUN_EVENT,
                CatalogChange.What.RUN_FINISHED), changes.stream().map(CatalogChange::what).toList());
    }

    @Test
    void refusesToEndARunTwiceAndKeepsTheFirstEnd() {
        JdbcCatalog c = open();
        Run r = c.startRun(new NewRun(null, "adhoc", "backup", "/repo", T0));
        c.finishRun(r.id(), RunStatus.FAILED, T0.plusSeconds(1), RunMetrics.NONE, "disk full");
        CatalogException e = assertThrows(CatalogException.class,
                () -> c.finishRun(r.id(), RunStatus.SUCCEEDED, T0.plusSeconds(2), RunMetrics.NONE, ""));
        assertTrue(e.getMessage().contains("already ended"), e.getMessage());
        Run read = c.run(r.id()).orElseThrow();
        assertEquals(RunStatus.FAILED, read.status());
        assertEquals("disk full", read.error());
        assertThrows(IllegalArgumentException.class, () -> c.finishRun(r.id(), RunStatus.RUNNING, T0, RunMetrics.NONE, ""));
    }

    @Test
    void pagesSortsAndFiltersTheRunHistory() {
        JdbcCatalog c = open();
        Testing.runs(c, 300);
        Page<Run> first = c.runs(RunQuery.newest().page(0, 50));
        assertEquals(300, first.total());
        assertEquals(50, first.items().size());
        assertTrue(isSorted(first.items().stream().map(r -> -r.started().toEpochMilli()).toList()));
        Set<Long> seen = new HashSet<>();
        for (int off = 0; off < 300; off += 70) {
            c.runs(RunQuery.newest().sortedBy(RunSort.BYTES_READ, true).page(off, 70)).items().forEach(r -> assertTrue(seen.add(r.id())));
        }
        assertEquals(300, seen.size(), "pages neither overlap nor leave gaps");

        List<Run> byBytes = c.runs(RunQuery.newest().sortedBy(RunSort.BYTES_READ, true).page(0, 300)).items();
        assertTrue(isSorted(byBytes.stream().map(r -> -r.metrics().bytesRead()).toList()));
        List<Run> byDuration = c.runs(RunQuery.newest().sortedBy(RunSort.DURATION, false).page(0, 300)).items();
        assertTrue(isSorted(byDuration.stream().map(r -> r.duration().toMillis()).toList()));
        List<Run> byJob = c.runs(RunQuery.newest().sortedBy(RunSort.JOB, false).page(0, 300)).items();
        assertTrue(isSorted(byJob.stream().map(Run::jobName).toList()));

        Page<Run> failed = c.runs(RunQuery.newest().withFilter(RunFilter.ALL.withStatuses(Set.of(RunStatus.FAILED))).page(0, 300));
        assertEquals(Testing.countFailed(300), failed.total());
        assertTrue(failed.items().stream().allMatch(r -> r.status() == RunStatus.FAILED));

        RunFilter jobAndTime = RunFilter.ALL.withJobIds(Set.of("job-1")).startedBetween(T0, T0.plus(Duration.ofDays(10)));
        List<Run> some = c.runs(RunQuery.newest().withFilter(jobAndTime).page(0, 300)).items();
        assertFalse(some.isEmpty());
        assertTrue(some.stream().allMatch(r -> r.jobId().equals("job-1") && !r.started().isBefore(T0)
                && r.started().isBefore(T0.plus(Duration.ofDays(10)))));

        Page<Run> text = c.runs(RunQuery.newest().withFilter(RunFilter.ALL.withText("NO SPACE")).page(0, 300));
        assertEquals(Testing.countFailed(300), text.total(), "text search finds the error text, ignoring case");
        assertEquals(0, c.runs(RunQuery.newest().withFilter(RunFilter.ALL.withText("100%_")).page(0, 10)).total(),
                "% and _ are matched literally");
    }

    @Test
    void countsRunsPerDayInTheAskedZoneAcrossADaylightSavingChange() {
        JdbcCatalog c = open();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 2026-03-29: clocks go forward in Berlin; 23:30 local on the 28th is 22:30 UTC
        Testing.finished(c, "a", "/r1", Instant.parse("2026-03-28T22:30:00Z"), 60, RunStatus.SUCCEEDED, 100);
        Testing.finished(c, "a", "/r1", Instant.parse("2026-03-28T23:30:00Z"), 120, RunStatus.FAILED, 10);
        Testing.finished(c, "a", "/r1", Instant.parse("2026-03-29T21:59:00Z"), 60, RunStatus.SUCCEEDED, 1);
        Testing.finished(c, "a", "/r1", Instant.parse("2026-03-29T22:01:00Z"), 60, RunStatus.INTERRUPTED, 1000);
        c.startRun(new NewRun(null, "still running", "backup", "/r1", Instant.parse("2026-03-29T10:00:00Z")));
        List<DailyStats> days = c.dailyStats(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 31), berlin, RunFilter.ALL);
        assertEquals(4, days.size());
        assertEquals(new DailyStats(LocalDate.of(2026, 3, 28), 1, 1, 0, 200, 100, 50, 25, Duration.ofSeconds(60)), days.get(0));
        DailyStats d29 = days.get(1);
        assertEquals(2, d29.runs());
        assertEquals(1, d29.succeeded());
        assertEquals(1, d29.failed());
        assertEquals(0.5, d29.successRate());
        assertEquals(Duration.ofSeconds(90), d29.meanDuration());
        assertEquals(1, days.get(2).failed(), "interrupted counts as failed");
        assertEquals(0, days.get(3).runs());
        assertEquals(1.0, days.get(3).successRate());
    }

    @Test
    void storageByTargetIsTheLatestMeasurementOfEachRepository() {
        JdbcCatalog c = open();
        Testing.finished(c, "a", "/r1", T0, 10, RunStatus.SUCCEEDED, 5, 1_000);
        Testing.finished(c, "a", "/r1", T0.plusSeconds(100), 10, RunStatus.SUCCEEDED, 5, 3_000);
        Testing.finished(c, "b", "/r2", T0.plusSeconds(50), 10, RunStatus.SUCCEEDED, 5, 2_000);
        Testing.finished(c, "b", "/r2", T0.plusSeconds(200), 10, RunStatus.FAILED, 5, 0);
        List<TargetUsage> usage = c.storageByTarget();
        assertEquals(List.of("/r1", "/r2"), usage.stream().map(TargetUsage::target).toList());
        assertEquals(List.of(3_000L, 2_000L), usage.stream().map(TargetUsage::bytes).toList());
    }

    @Test
    void durationTrendListsTheLastFinishedRunsOldestFirst() {
        JdbcCatalog c = open();
        for (int i = 0; i < 5; i++) {
            Testing.finished(c, "a", "/r1", T0.plusSeconds(1000L * i), 10 + i, RunStatus.SUCCEEDED, 5);
        }
        List<DurationPoint> last3 = c.durations(RunFilter.ALL, 3);
        assertEquals(List.of(Duration.ofSeconds(12), Duration.ofSeconds(13), Duration.ofSeconds(14)),
                last3.stream().map(DurationPoint::duration).toList());
    }

    @Test
    void rpoIsGreenAmberOrRedByTheAgeOfTheLastGoodBackup() {
        JdbcCatalog c = open();
        Duration day = Duration.ofHours(24);
        JobDefinition fresh = c.saveJob(JobDefinition.of("fresh", "backup", "/r", List.of()).withObjectives(day, null));
        JobDefinition ageing = c.saveJob(JobDefinition.of("ageing", "backup", "/r", List.of()).withObjectives(day, null));
        JobDefinition stale = c.saveJob(JobDefinition.of("stale", "backup", "/r", List.of()).withObjectives(day, null));
        JobDefinition never = c.saveJob(JobDefinition.of("never", "backup", "/r", List.of()).withObjectives(day, null));
        JobDefinition failing = c.saveJob(JobDefinition.of("failing", "backup", "/r", List.of()).withObjectives(day, null));
        JobDefinition free = c.saveJob(JobDefinition.of("no objective", "backup", "/r", List.of()));
        Instant now = T0.plus(Duration.ofDays(3));
        Testing.finishedFor(c, fresh, now.minus(Duration.ofHours(2)), RunStatus.SUCCEEDED);
        Testing.finishedFor(c, ageing, now.minus(Duration.ofHours(21)), RunStatus.SUCCEEDED);
        Testing.finishedFor(c, stale, now.minus(Duration.ofHours(30)), RunStatus.SUCCEEDED);
        Testing.finishedFor(c, stale, now.minus(Duration.ofHours(1)), RunStatus.FAILED);
        Testing.finishedFor(c, failing, now.minus(Duration.ofHours(3)), RunStatus.SUCCEEDED_WITH_WARNINGS);
        Testing.finishedFor(c, failing, now.minus(Duration.ofHours(1)), RunStatus.FAILED);
        Map<String, RpoState> states = new java.util.HashMap<>();
        for (RpoStatus s : c.rpoStatus(now)) {
            states.put(s.jobName(), s.state());
        }
        assertEquals(Map.of("fresh", RpoState.GREEN, "ageing", RpoState.AMBER, "stale", RpoState.RED, "never", RpoState.RED,
                "failing", RpoState.AMBER, "no objective", RpoState.NONE), states);
        RpoStatus s = c.rpoStatus(now).stream().filter(x -> x.jobName().equals("stale")).findFirst().orElseThrow();
        assertEquals(RunStatus.FAILED, s.lastStatus());
        assertTrue(s.age().compareTo(Duration.ofHours(29)) > 0);
        assertNull(free.rpo());
        assertEquals(day, never.rpo());
    }

    @Test
    void aFailedRestoreTestStaysTheLatestUntilALaterOnePasses() {
        JdbcCatalog c = open();
        JobDefinition j = c.saveJob(JobDefinition.of("home", "backup", "/r", List.of()));
        c.recordVerification(Testing.verification(j, T0, true, List.of()));
        Verification failed = c.recordVerification(Testing.verification(j, T0.plusSeconds(10), false, List.of("/home/a.txt", "/home/b.txt")));
        List<RestoreTestStatus> status = c.restoreTestStatus();
        assertEquals(1, status.size());
        assertFalse(status.get(0).last().passed());
        assertEquals(List.of("/home/a.txt", "/home/b.txt"), status.get(0).last().failedFiles());
        assertEquals(failed, status.get(0).last());
        c.recordVerification(Testing.verification(j, T0.plusSeconds(20), true, List.of()));
        assertTrue(c.restoreTestStatus().get(0).last().passed());
        Page<Verification> page = c.verifications(j.id(), 0, 2);
        assertEquals(3, page.total());
        assertEquals(List.of(true, false), page.items().stream().map(Verification::passed).toList());
        assertEquals(3, c.verifications(null, 0, 10).items().size());
    }

    @Test
    void theSnapshotCacheIsReplacedWholePerRepository() {
        JdbcCatalog c = open();
        CachedSnapshot a = new CachedSnapshot("aa".repeat(32), T0, "host1", List.of("/home"), List.of("daily"));
        CachedSnapshot b = new CachedSnapshot("bb".repeat(32), T0.plusSeconds(60), "host1", List.of("/home", "/etc"), List.of());
        c.replaceSnapshots("/r1", List.of(b, a));
        c.replaceSnapshots("/r2", List.of(a));
        assertEquals(List.of(a, b), c.snapshots("/r1"));
        c.replaceSnapshots("/r1", List.of(b));
        assertEquals(List.of(b), c.snapshots("/r1"));
        assertEquals(List.of("/r1", "/r2"), c.cachedRepositories());
        assertTrue(c.snapshots("/elsewhere").isEmpty());
    }

    @Test
    void aRunOfAKilledProcessIsMarkedInterruptedAndEveryEarlierRunStaysIntact() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), KillChild.class.getName(), url(), user(), password())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long runId;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("RUNNING "), "the child said: " + line);
            runId = Long.parseLong(line.substring(8).trim());
            // while the child lives, opening the catalog elsewhere leaves its run alone
            JdbcCatalog beside = open();
            assertEquals(RunStatus.RUNNING, beside.run(runId).orElseThrow().status());
            assertEquals(0, beside.markInterruptedRuns());
            beside.close();
            Thread.sleep(300);
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        JdbcCatalog c = open();
        Run killed = c.run(runId).orElseThrow();
        assertEquals(RunStatus.INTERRUPTED, killed.status());
        assertTrue(killed.error().contains("pid " + child.pid()), killed.error());
        assertTrue(killed.ended() != null && !killed.ended().isBefore(killed.started()));
        List<RunEvent> events = c.events(runId);
        assertEquals(EventLevel.ERROR, events.get(events.size() - 1).level());
        List<Run> earlier = c.runs(RunQuery.newest().withFilter(RunFilter.ALL.withStatuses(Set.of(RunStatus.SUCCEEDED)))
                .sortedBy(RunSort.STARTED, false).page(0, 10)).items();
        assertEquals(3, earlier.size());
        for (int i = 0; i < 3; i++) {
            Run r = earlier.get(i);
            assertEquals("earlier " + i, r.jobName());
            assertEquals(new RunMetrics(2000 + i, 1000 + i, 100 + i, 50 + i, 10 + i, 10, 16.5, "ab".repeat(32), 5000, "ok " + i), r.metrics());
            assertEquals(List.of("done " + i), c.events(r.id()).stream().map(RunEvent::message).toList());
        }
    }

    @Test
    void runsOfThisLiveProcessAreNeverMarkedInterrupted() {
        JdbcCatalog c = open();
        Run r = c.startRun(new NewRun(null, "mine", "backup", "/r", T0));
        assertEquals(0, c.markInterruptedRuns());
        c.close();
        JdbcCatalog again = open();
        assertEquals(RunStatus.RUNNING, again.run(r.id()).orElseThrow().status());
    }

    @Test
    void pagesThroughAHundredThousandRuns() {
        JdbcCatalog c = open();
        Testing.bulkRuns(url(), user(), password(), 100_000);
        Page<Run> newest = c.runs(RunQuery.newest().page(0, 100));
        assertEquals(100_000, newest.total());
        assertEquals(100, newest.items().size());
        Page<Run> deep = c.runs(RunQuery.newest().sortedBy(RunSort.STARTED, false).page(99_950, 100));
        assertEquals(50, deep.items().size());
        for (RunSort sort : RunSort.values()) {
            assertEquals(100, c.runs(RunQuery.newest().sortedBy(sort, true).page(0, 100)).items().size(), sort.name());
        }
        List<Run> longest = c.runs(RunQuery.newest().sortedBy(RunSort.DURATION, true).page(0, 100)).items();
        assertEquals(Duration.ofSeconds(599), longest.get(0).duration());
        Page<Run> failedOfOneJob = c.runs(RunQuery.newest().withFilter(RunFilter.ALL.withJobIds(Set.of("job-3"))
                .withStatuses(Set.of(RunStatus.FAILED))).page(0, 20));
        assertTrue(failedOfOneJob.total() > 0);
        assertTrue(failedOfOneJob.items().stream().allMatch(r -> r.jobId().equals("job-3") && r.status() == RunStatus.FAILED));
        List<DailyStats> days = c.dailyStats(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), ZoneId.of("UTC"), RunFilter.ALL);
        assertEquals(31, days.size());
        assertTrue(days.stream().mapToLong(DailyStats::runs).sum() > 0);
    }

    private static <T extends Comparable<T>> boolean isSorted(List<T> list) {
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i - 1).compareTo(list.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }
}
