package io.backbench.report.internal;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The monthly protection report: every job's figures for one calendar month in one time zone, and
 * the totals. Immutable.
 *
 * @param month     the calendar month
 * @param zone      the time zone the month's bounds are taken in
 * @param from      the month's first instant
 * @param to        the end of the period covered: the next month's first instant, or the time the report
 *                  was made while the month is still running
 * @param complete  whether the whole month is over (false: the current month so far)
 * @param generated when the report was made
 * @param jobs      one row per job that existed or ran in the period, by name
 * @param total     the sum of the rows
 * @param catalog   which catalog the figures come from
 */
public record MonthlyReport(YearMonth month, ZoneId zone, Instant from, Instant to, boolean complete, Instant generated,
        List<JobFigures> jobs, JobFigures total, String catalog) {

    public MonthlyReport {
        jobs = List.copyOf(jobs);
    }

    /** "October 2026" or "November 2026 (so far)". */
    public String title() {
        String name = month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + month.getYear();
        return complete ? name : name + " (so far)";
    }

    /** Whether nothing happened in the period: no runs and no restore tests. */
    public boolean empty() {
        return total.runs() == 0 && total.restoreTests().count() == 0;
    }
}
