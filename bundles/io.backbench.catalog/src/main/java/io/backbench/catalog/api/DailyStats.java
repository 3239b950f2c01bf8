package io.backbench.catalog.api;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Runs that started on one day (in the zone the query asked for); for the Dashboard's charts.
 *
 * @param day            the day
 * @param runs           runs that ended (running ones are not counted)
 * @param succeeded      of those, succeeded or succeeded with warnings
 * @param failed         failed or interrupted
 * @param bytesTotal     the data the runs covered (data protected)
 * @param bytesRead      bytes read by all runs
 * @param bytesNew       new bytes added to repositories
 * @param bytesStored    bytes the repositories grew by
 * @param totalDuration  the sum of the runs' durations
 */
public record DailyStats(LocalDate day, long runs, long succeeded, long failed, long bytesTotal, long bytesRead, long bytesNew, long bytesStored,
        Duration totalDuration) {

    /** succeeded / runs in [0, 1]; 1 for a day without runs. */
    public double successRate() {
        return runs == 0 ? 1 : (double) succeeded / runs;
    }

    /** The mean duration of the day's runs, or zero. */
    public Duration meanDuration() {
        return runs == 0 ? Duration.ZERO : totalDuration.dividedBy(runs);
    }
}
