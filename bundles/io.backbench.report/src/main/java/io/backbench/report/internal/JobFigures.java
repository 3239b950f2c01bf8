package io.backbench.report.internal;

import java.time.Duration;
import java.util.List;

/**
 * One job's figures for the period (or the total of all jobs, {@link #TOTAL_NAME}).
 *
 * @param name        the job's name ("Total" for the total row)
 * @param kind        the job's kind ("" for the total row, or when runs of several kinds are summed)
 * @param rpo         the job's recovery point objective, or null
 * @param runs        runs started in the period, in flight ones included
 * @param succeeded   of those, succeeded
 * @param warnings    succeeded with warnings
 * @param failed      failed
 * @param cancelled   cancelled
 * @param interrupted interrupted (the process died)
 * @param running     still running (in flight) when the report was made
 * @param bytesRead   bytes read from the sources by the backup and image runs (not by restore tests or retention)
 * @param bytesNew    new data those runs added to the repository, before compression
 * @param bytesStored what the repository grew by on the target
 * @param restoreTests the restore tests of the job's data in the period
 * @param breaches    periods in which the age of the last good backup exceeded the RPO, oldest first
 */
public record JobFigures(String name, String kind, Duration rpo, long runs, long succeeded, long warnings, long failed, long cancelled,
        long interrupted, long running, long bytesRead, long bytesNew, long bytesStored, RestoreTests restoreTests,
        List<RpoBreach> breaches) {

    public static final String TOTAL_NAME = "Total";

    public JobFigures {
        breaches = List.copyOf(breaches);
    }

    /** Runs that ended. */
    public long finished() {
        return runs - running;
    }

    /** Succeeded (with or without warnings) out of the finished runs, 0 to 1; null when none finished. */
    public Double successRate() {
        long done = finished();
        return done == 0 ? null : (double) (succeeded + warnings) / done;
    }

    /** The time the RPO was breached in the period, summed. */
    public Duration breachTime() {
        Duration sum = Duration.ZERO;
        for (RpoBreach b : breaches) {
            sum = sum.plus(b.duration());
        }
        return sum;
    }

    /**
     * Restore tests in the period.
     *
     * @param count            tests run
     * @param passed           tests whose every byte checked and whose restore time kept within the RTO
     * @param failed           the others
     * @param rtoBreaches      of the failed ones, those that failed only for being slower than the RTO
     * @param worstRestoreTime the longest restore time measured, or null without tests
     * @param worstRto         the RTO that longest restore was measured against, or null
     */
    public record RestoreTests(long count, long passed, long failed, long rtoBreaches, Duration worstRestoreTime, Duration worstRto) {
        public static final RestoreTests NONE = new RestoreTests(0, 0, 0, 0, null, null);

        /** Whether the worst restore kept within its RTO; null when there is no test or no RTO. */
        public Boolean worstWithinRto() {
            return worstRestoreTime == null || worstRto == null ? null : worstRestoreTime.compareTo(worstRto) <= 0;
        }
    }
}
