package io.backbench.report.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.Page;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunFilter;
import io.backbench.catalog.api.RunQuery;
import io.backbench.catalog.api.RunSort;
import io.backbench.catalog.api.RunStatus;
import io.backbench.catalog.api.Verification;

/**
 * Computes the {@link MonthlyReport} of a month from the catalog. A run counts in the month it
 * started in; a restore test likewise; an RPO breach counts for the part of it inside the month.
 * Jobs show when they existed during the month or ran in it (a deleted job's runs under the name they
 * ran with). Blocks on the catalog: call it off the UI thread. Thread-safe.
 */
public final class ReportBuilder {
    private static final int PAGE = 2_000;
    /** Kinds whose runs read no source data: their bytes are restored or pruned data, not protected data. */
    private static final Set<String> NOT_PROTECTING = Set.of("restore-test", "image-restore-test", "retention");

    private final Catalog catalog;
    private final Clock clock;

    public ReportBuilder(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The last month that is over in {@code zone}: the default month of the report. */
    public static YearMonth lastCompleteMonth(Clock clock, ZoneId zone) {
        return currentMonth(clock, zone).minusMonths(1);
    }

    public static YearMonth currentMonth(Clock clock, ZoneId zone) {
        return YearMonth.from(clock.instant().atZone(zone));
    }

    /**
     * The report of {@code month} in {@code zone}; the current month gives its figures so far.
     *
     * @throws IllegalArgumentException for a month that has not begun yet
     */
    public MonthlyReport build(YearMonth month, ZoneId zone) {
        Instant now = clock.instant();
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant next = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        if (!now.isAfter(from)) {
            throw new IllegalArgumentException("month " + month + " has not begun yet; the latest month with figures is "
                    + currentMonth(clock, zone));
        }
        boolean complete = !now.isBefore(next);
        Instant to = complete ? next : now;

        Map<String, Tally> tallies = new LinkedHashMap<>();
        Map<String, JobDefinition> defined = new LinkedHashMap<>();
        for (JobDefinition j : catalog.jobs()) {
            defined.put(key(j.id(), j.name()), j);
            if (j.created() == null || j.created().isBefore(to)) {
                tallies.put(key(j.id(), j.name()), Tally.of(j));
            }
        }
        // a job's runs and tests count under its definition (if it still has one), else under the name they ran with
        for (Run r : runsStarted(from, to)) {
            String k = key(r.jobId(), r.jobName());
            tallies.computeIfAbsent(k, x -> defined.containsKey(k) ? Tally.of(defined.get(k)) : new Tally(r.jobName(), r.kind(), null)).add(r);
        }
        for (Verification v : restoreTests(from, to)) {
            String k = key(v.jobId(), v.jobName());
            tallies.computeIfAbsent(k, x -> defined.containsKey(k) ? Tally.of(defined.get(k)) : new Tally(v.jobName(), "", null)).add(v);
        }
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            JobDefinition j = defined.get(e.getKey());
            if (j != null && j.rpo() != null && !j.rpo().isZero() && !j.rpo().isNegative()) {
                e.getValue().breaches = breaches(j, from, to);
            }
        }
        List<JobFigures> rows = new ArrayList<>();
        tallies.values().forEach(t -> rows.add(t.figures()));
        rows.sort(Comparator.comparing(JobFigures::name, String.CASE_INSENSITIVE_ORDER).thenComparing(JobFigures::name));
        return new MonthlyReport(month, zone, from, to, complete, now, rows, total(rows), catalog.describe());
    }

    private static String key(String jobId, String jobName) {
        return jobId != null ? "id:" + jobId : "name:" + jobName;
    }

    private List<Run> runsStarted(Instant from, Instant to) {
        RunFilter filter = RunFilter.ALL.startedBetween(from, to);
        List<Run> all = new ArrayList<>();
        for (int offset = 0;; offset += PAGE) {
            Page<Run> page = catalog.runs(new RunQuery(filter, RunSort.STARTED, false, offset, PAGE));
            all.addAll(page.items());
            if (page.items().size() < PAGE) {
                return all;
            }
        }
    }

    /** Restore tests started in [from, to); the catalog gives them newest first. */
    private List<Verification> restoreTests(Instant from, Instant to) {
        List<Verification> in = new ArrayList<>();
        for (int offset = 0;; offset += PAGE) {
            Page<Verification> page = catalog.verifications(null, offset, PAGE);
            for (Verification v : page.items()) {
                if (v.started().isBefore(from)) {
                    return in;
                }
                if (v.started().isBefore(to)) {
                    in.add(v);
                }
            }
            if (page.items().size() < PAGE) {
                return in;
            }
        }
    }

    /** The job's good runs, newest first, back to the last one that ended before the period. */
    private List<RpoBreach> breaches(JobDefinition job, Instant from, Instant to) {
        RunFilter good = RunFilter.ALL.withJobIds(Set.of(job.id()))
                .withStatuses(Set.of(RunStatus.SUCCEEDED, RunStatus.SUCCEEDED_WITH_WARNINGS)).startedBetween(null, to);
        Instant baseline = null;
        Instant firstStart = job.created();
        List<Instant> ends = new ArrayList<>();
        scan: for (int offset = 0;; offset += PAGE) {
            Page<Run> page = catalog.runs(new RunQuery(good, RunSort.STARTED, true, offset, PAGE));
            for (Run r : page.items()) {
                firstStart = firstStart == null || r.started().isBefore(firstStart) ? r.started() : firstStart;
                if (r.ended() == null || !r.ended().isBefore(to)) {
                    continue;
                }
                if (r.ended().isBefore(from)) {
                    baseline = baseline == null || r.ended().isAfter(baseline) ? r.ended() : baseline;
                } else {
                    ends.add(r.ended());
                }
                if (baseline != null && r.started().isBefore(from)) {
                    break scan;
                }
            }
            if (page.items().size() < PAGE) {
                break;
            }
        }
        Instant reference = baseline != null ? baseline : firstStart != null ? firstStart : from;
        return RpoTimeline.breaches(job.name(), job.rpo(), reference, ends, from, to);
    }

    private static JobFigures total(List<JobFigures> rows) {
        Tally t = new Tally(JobFigures.TOTAL_NAME, "", null);
        for (JobFigures f : rows) {
            t.runs += f.runs();
            t.succeeded += f.succeeded();
            t.warnings += f.warnings();
            t.failed += f.failed();
            t.cancelled += f.cancelled();
            t.interrupted += f.interrupted();
            t.running += f.running();
            t.read += f.bytesRead();
            t.added += f.bytesNew();
            t.stored += f.bytesStored();
            t.tests += f.restoreTests().count();
            t.passed += f.restoreTests().passed();
            t.testsFailed += f.restoreTests().failed();
            t.rtoBreaches += f.restoreTests().rtoBreaches();
            t.worst(f.restoreTests().worstRestoreTime(), f.restoreTests().worstRto());
            t.breaches.addAll(f.breaches());
        }
        return t.figures();
    }

    /** The counts of one row while they are gathered. */
    private static final class Tally {
        final String name;
        final String kind;
        final Duration rpo;
        long runs, succeeded, warnings, failed, cancelled, interrupted, running, read, added, stored;
        long tests, passed, testsFailed, rtoBreaches;
        Duration worst, worstRto;
        List<RpoBreach> breaches = new ArrayList<>();

        Tally(String name, String kind, Duration rpo) {
            this.name = name;
            this.kind = kind;
            this.rpo = rpo;
        }

        static Tally of(JobDefinition j) {
            return new Tally(j.name(), j.kind(), j.rpo());
        }

        void add(Run r) {
            runs++;
            switch (r.status()) {
                case RUNNING -> running++;
                case SUCCEEDED -> succeeded++;
                case SUCCEEDED_WITH_WARNINGS -> warnings++;
                case FAILED -> failed++;
                case CANCELLED -> cancelled++;
                case INTERRUPTED -> interrupted++;
            }
            // a plugin's own restore test kind ("...-restore-test") reads no sources either
            if (!NOT_PROTECTING.contains(r.kind()) && !r.kind().endsWith("-restore-test")) {
                read += r.metrics().bytesRead();
                added += r.metrics().bytesNew();
                stored += r.metrics().bytesStored();
            }
        }

        void add(Verification v) {
            tests++;
            if (v.ok()) {
                passed++;
            } else {
                testsFailed++;
                if (v.passed() && v.rtoBreached()) {
                    rtoBreaches++;
                }
            }
            worst(v.restoreTime(), v.rto());
        }

        void worst(Duration time, Duration rto) {
            if (time != null && (worst == null || time.compareTo(worst) > 0)) {
                worst = time;
                worstRto = rto;
            }
        }

        JobFigures figures() {
            JobFigures.RestoreTests rt = tests == 0 ? JobFigures.RestoreTests.NONE
                    : new JobFigures.RestoreTests(tests, passed, testsFailed, rtoBreaches, worst, worstRto);
            return new JobFigures(name, kind, rpo, runs, succeeded, warnings, failed, cancelled, interrupted, running, read, added, stored, rt,
                    breaches);
        }
    }
}
