package io.backbench.report.internal;

import static io.backbench.report.internal.CatalogFixture.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.RunStatus;

class ReportBuilderTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    Path dir;
    CatalogFixture f;

    @BeforeEach
    void open() {
        f = new CatalogFixture(dir, t("2026-11-05T09:00:00Z"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private MonthlyReport report(YearMonth month) {
        return new ReportBuilder(f.catalog, f.clock).build(month, UTC);
    }

    private static JobFigures row(MonthlyReport r, String name) {
        return r.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no row " + name));
    }

    @Test
    void aMonthWithoutJobsOrRunsIsEmpty() {
        MonthlyReport r = report(OCTOBER);
        assertTrue(r.empty());
        assertTrue(r.jobs().isEmpty());
        assertEquals(0, r.total().runs());
        assertNull(r.total().successRate(), "nothing to rate");
        assertTrue(r.complete());
        assertEquals(t("2026-10-01T00:00:00Z"), r.from());
        assertEquals(t("2026-11-01T00:00:00Z"), r.to());
    }

    @Test
    void aJobThatNeverRanInTheMonthShowsWithNoRunsAndItsRpoBreachedAllMonth() {
        JobDefinition job = f.job("Mail", "backup", t("2026-09-01T00:00:00Z"), Duration.ofDays(1), null);
        f.good(job, t("2026-09-20T12:00:00Z"));
        MonthlyReport r = report(OCTOBER);
        JobFigures mail = row(r, "Mail");
        assertEquals(0, mail.runs());
        assertNull(mail.successRate());
        assertEquals(List.of(new RpoBreach("Mail", t("2026-10-01T00:00:00Z"), t("2026-11-01T00:00:00Z"), true, true)), mail.breaches());
        assertEquals(Duration.ofDays(31), mail.breachTime());
        assertTrue(r.empty(), "no runs and no tests in the month");
    }

    @Test
    void countsRunsByStatusAndSumsTheDataOfBackupRunsOnly() {
        JobDefinition files = f.job("Files", "backup", t("2026-09-01T00:00:00Z"), null, null);
        JobDefinition test = f.job("Files test", "restore-test", t("2026-09-01T00:00:00Z"), null, null);
        f.run(files, t("2026-10-02T01:00:00Z"), 5, RunStatus.SUCCEEDED, 1000, 300, 200);
        f.run(files, t("2026-10-03T01:00:00Z"), 5, RunStatus.SUCCEEDED, 2000, 100, 70);
        f.run(files, t("2026-10-04T01:00:00Z"), 5, RunStatus.SUCCEEDED_WITH_WARNINGS, 500, 50, 30);
        f.run(files, t("2026-10-05T01:00:00Z"), 5, RunStatus.FAILED, 10, 0, 0);
        f.run(files, t("2026-10-06T01:00:00Z"), 5, RunStatus.CANCELLED, 0, 0, 0);
        f.run(files, t("2026-10-07T01:00:00Z"), 5, RunStatus.INTERRUPTED, 0, 0, 0);
        // outside the month: the last minute of September and the first of November
        f.run(files, t("2026-09-30T23:59:00Z"), 5, RunStatus.SUCCEEDED, 99_999, 99_999, 99_999);
        f.run(files, t("2026-11-01T00:00:00Z"), 5, RunStatus.FAILED, 99_999, 99_999, 99_999);
        f.run(test, t("2026-10-08T01:00:00Z"), 5, RunStatus.SUCCEEDED, 7777, 0, 0);

        MonthlyReport r = report(OCTOBER);
        JobFigures row = row(r, "Files");
        assertEquals(6, row.runs());
        assertEquals(2, row.succeeded());
        assertEquals(1, row.warnings());
        assertEquals(1, row.failed());
        assertEquals(1, row.cancelled());
        assertEquals(1, row.interrupted());
        assertEquals(0, row.running());
        assertEquals(0.5, row.successRate(), 1e-9);
        assertEquals(3510, row.bytesRead());
        assertEquals(450, row.bytesNew());
        assertEquals(300, row.bytesStored());
        assertEquals(0, row(r, "Files test").bytesRead(), "a restore test protects no data");
        assertEquals(1, row(r, "Files test").runs());
        assertEquals(7, r.total().runs());
        assertEquals(3510, r.total().bytesRead());
        assertEquals(4.0 / 7, r.total().successRate(), 1e-9);
    }

    @Test
    void theRestoredBytesOfImageRestoreTestsAreNotCountedAsDataRead() {
        JobDefinition disk = f.job("System disk", "image", t("2026-09-01T00:00:00Z"), null, null);
        JobDefinition test = f.job("System disk test", "image-restore-test", t("2026-09-01T00:00:00Z"), null, null);
        f.run(disk, t("2026-10-02T01:00:00Z"), 5, RunStatus.SUCCEEDED, 5000, 400, 300);
        f.run(test, t("2026-10-03T01:00:00Z"), 5, RunStatus.SUCCEEDED, 9000, 0, 0);
        MonthlyReport r = report(OCTOBER);
        assertEquals(5000, row(r, "System disk").bytesRead(), "an image run reads its source");
        assertEquals(0, row(r, "System disk test").bytesRead(), "an image restore test reads no source");
        assertEquals(1, row(r, "System disk test").runs());
        assertEquals(5000, r.total().bytesRead());
    }

    @Test
    void theCurrentMonthCountsARunInFlightAsRunningOutsideTheSuccessRate() {
        f.clock.set(t("2026-11-10T12:00:00Z"));
        JobDefinition job = f.job("DB", "backup", t("2026-10-01T00:00:00Z"), null, null);
        f.run(job, t("2026-11-02T01:00:00Z"), 5, RunStatus.SUCCEEDED, 100, 10, 5);
        f.inFlight(job, t("2026-11-10T11:00:00Z"));
        MonthlyReport r = report(YearMonth.of(2026, 11));
        assertFalse(r.complete());
        assertEquals(t("2026-11-10T12:00:00Z"), r.to(), "the current month so far");
        assertEquals("November 2026 (so far)", r.title());
        JobFigures db = row(r, "DB");
        assertEquals(2, db.runs());
        assertEquals(1, db.running());
        assertEquals(1, db.finished());
        assertEquals(1.0, db.successRate(), 1e-9);
    }

    @Test
    void aJobCreatedMidMonthIsBreachedOnlyFromOneRpoAfterItsCreation() {
        JobDefinition job = f.job("Laptop", "backup", t("2026-10-15T00:00:00Z"), Duration.ofDays(1), null);
        f.good(job, t("2026-10-20T10:00:00Z"));
        f.good(job, t("2026-10-20T20:00:00Z"));
        MonthlyReport r = report(OCTOBER);
        assertEquals(List.of(new RpoBreach("Laptop", t("2026-10-16T00:00:00Z"), t("2026-10-20T10:00:00Z"), false, false),
                new RpoBreach("Laptop", t("2026-10-21T20:00:00Z"), t("2026-11-01T00:00:00Z"), false, true)), row(r, "Laptop").breaches());
        assertEquals(2, row(r, "Laptop").runs());
        JobDefinition later = f.job("Later", "backup", t("2026-11-02T00:00:00Z"), Duration.ofDays(1), null);
        assertTrue(report(OCTOBER).jobs().stream().noneMatch(j -> j.name().equals(later.name())), "a job made after the month is not in it");
    }

    @Test
    void anRpoBreachSpanningTheMonthBoundaryCountsInBothMonthsForItsPartInEach() {
        JobDefinition job = f.job("NAS", "backup", t("2026-08-01T00:00:00Z"), Duration.ofDays(1), null);
        f.good(job, t("2026-09-29T12:00:00Z"));
        // a failed run does not end a breach
        f.run(job, t("2026-10-02T00:00:00Z"), 5, RunStatus.FAILED, 0, 0, 0);
        for (int day = 3; day <= 31; day++) {
            f.good(job, t(String.format("2026-10-%02dT12:00:00Z", day)));
        }
        List<RpoBreach> october = row(report(OCTOBER), "NAS").breaches();
        assertEquals(List.of(new RpoBreach("NAS", t("2026-10-01T00:00:00Z"), t("2026-10-03T12:00:00Z"), true, false)), october);
        assertEquals(Duration.ofHours(60), october.get(0).duration());
        List<RpoBreach> september = row(report(YearMonth.of(2026, 9)), "NAS").breaches();
        assertEquals(List.of(new RpoBreach("NAS", t("2026-09-01T00:00:00Z"), t("2026-09-29T12:00:00Z"), true, false),
                new RpoBreach("NAS", t("2026-09-30T12:00:00Z"), t("2026-10-01T00:00:00Z"), false, true)), september);
    }

    @Test
    void restoreTestsCountPassedAndFailedAndKeepTheWorstRestoreTimeAgainstItsRto() {
        JobDefinition job = f.job("Files", "backup", t("2026-09-01T00:00:00Z"), null, Duration.ofMinutes(30));
        f.restoreTest(job, t("2026-10-03T00:00:00Z"), true, Duration.ofMinutes(10), Duration.ofMinutes(30));
        f.restoreTest(job, t("2026-10-10T00:00:00Z"), true, Duration.ofMinutes(45), Duration.ofMinutes(30));
        f.restoreTest(job, t("2026-10-17T00:00:00Z"), false, Duration.ofMinutes(5), Duration.ofMinutes(30));
        f.restoreTest(job, t("2026-09-30T23:00:00Z"), false, Duration.ofHours(9), Duration.ofMinutes(30));
        JobFigures.RestoreTests rt = row(report(OCTOBER), "Files").restoreTests();
        assertEquals(3, rt.count());
        assertEquals(1, rt.passed());
        assertEquals(2, rt.failed());
        assertEquals(1, rt.rtoBreaches());
        assertEquals(Duration.ofMinutes(45), rt.worstRestoreTime());
        assertEquals(Duration.ofMinutes(30), rt.worstRto());
        assertEquals(Boolean.FALSE, rt.worstWithinRto());
        assertEquals("45m 00s over RTO 30m 00s", Units.worstRestore(rt));
    }

    @Test
    void runsOfAJobDefinedAfterTheMonthCountUnderItsDefinitionWithItsRpo() {
        JobDefinition job = f.job("Imported", "backup", t("2026-11-02T00:00:00Z"), Duration.ofDays(1), null);
        f.good(job, t("2026-10-30T00:00:00Z"));
        JobFigures row = row(report(OCTOBER), "Imported");
        assertEquals(1, row.runs());
        assertEquals(Duration.ofDays(1), row.rpo());
        assertEquals(List.of(new RpoBreach("Imported", t("2026-10-31T00:00:00Z"), t("2026-11-01T00:00:00Z"), false, true)), row.breaches(),
                "its first run is where its history starts");
    }

    @Test
    void aDeletedJobsRunsStayUnderTheNameTheyRanWith() {
        JobDefinition job = f.job("Old", "backup", t("2026-09-01T00:00:00Z"), null, null);
        f.run(job, t("2026-10-02T01:00:00Z"), 5, RunStatus.SUCCEEDED, 100, 10, 5);
        f.catalog.deleteJob(job.id());
        assertEquals(1, row(report(OCTOBER), "Old").runs());
    }

    @Test
    void refusesAMonthThatHasNotBegun() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> report(YearMonth.of(2026, 12)));
        assertTrue(e.getMessage().contains("2026-12 has not begun"), e.getMessage());
    }

    @Test
    void theDefaultMonthIsTheLastCompleteOne() {
        assertEquals(OCTOBER, ReportBuilder.lastCompleteMonth(f.clock, UTC));
        assertEquals(YearMonth.of(2026, 11), ReportBuilder.currentMonth(f.clock, UTC));
    }
}
