package io.backbench.jobs.scheduler.api;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a job runs, written as the Jobs view and the CLI take it:
 * <ul>
 * <li>{@code daily 02:30}</li>
 * <li>{@code weekly mon,thu 03:00} (days as cron takes them: names, ranges such as {@code mon-fri})</li>
 * <li>{@code every 6h}, {@code every 6 hours}, {@code every 15m}, {@code every 15 minutes}: at
 *     multiples of the interval from midnight when it divides a day (an hour), else from the epoch</li>
 * <li>{@code cron 0 3 * * 1-5}: a five-field cron expression ({@link #parse} documents the syntax)</li>
 * <li>empty or {@code manual}: never by itself (run on demand)</li>
 * </ul>
 * Times are wall-clock times in the zone passed to {@link #next}. Immutable.
 */
public final class Schedule {
    private static final Pattern DAILY = Pattern.compile("daily\\s+(\\d{1,2}):(\\d{2})");
    private static final Pattern WEEKLY = Pattern.compile("weekly\\s+(\\S+)\\s+(\\d{1,2}):(\\d{2})");
    private static final Pattern EVERY = Pattern.compile("every\\s+(\\d+)\\s*(h|hours?|m|min|minutes?)");

    /** A schedule that never fires. */
    public static final Schedule MANUAL = new Schedule("", null, 0);

    private final String text;
    private final CronExpression cron;
    private final long intervalSeconds;

    private Schedule(String text, CronExpression cron, long intervalSeconds) {
        this.text = text;
        this.cron = cron;
        this.intervalSeconds = intervalSeconds;
    }

    /**
     * Parses a schedule; a mistake is an {@link IllegalArgumentException} that shows the accepted forms.
     * Cron fields: minute 0-59, hour 0-23, day of month 1-31, month 1-12 or jan-dec, day of week 0-7 or
     * sun-sat; each {@code *}, {@code a}, {@code a-b}, {@code * /s}, {@code a-b/s} or a comma list.
     */
    public static Schedule parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (t.isEmpty() || t.equals("manual")) {
            return MANUAL;
        }
        try {
            Matcher m;
            if ((m = DAILY.matcher(t)).matches()) {
                return new Schedule(t, CronExpression.parse(minute(m.group(2)) + " " + hour(m.group(1)) + " * * *"), 0);
            }
            if ((m = WEEKLY.matcher(t)).matches()) {
                return new Schedule(t, CronExpression.parse(minute(m.group(3)) + " " + hour(m.group(2)) + " * * " + m.group(1)), 0);
            }
            if ((m = EVERY.matcher(t)).matches()) {
                return every(t, Long.parseLong(m.group(1)), m.group(2).startsWith("h"));
            }
            if (t.startsWith("cron ")) {
                return new Schedule(t, CronExpression.parse(t.substring(5)), 0);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schedule '" + text + "': " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("schedule '" + text + "' is not understood; use 'daily 02:30', 'weekly mon,thu 03:00',"
                + " 'every 6h', 'every 15m', 'cron 0 3 * * 1-5' or 'manual'");
    }

    private static Schedule every(String t, long n, boolean hours) {
        if (n < 1 || n > (hours ? 24 * 366 : 60 * 24 * 366)) {
            throw new IllegalArgumentException("the interval must be at least 1 and at most a year");
        }
        if (hours && 24 % n == 0) {
            return new Schedule(t, CronExpression.parse("0 " + (n == 24 ? "0" : "*/" + n) + " * * *"), 0);
        }
        if (!hours && 60 % n == 0) {
            return new Schedule(t, CronExpression.parse((n == 60 ? "0" : "*/" + n) + " * * * *"), 0);
        }
        return new Schedule(t, null, n * (hours ? 3600 : 60));
    }

    private static int hour(String s) {
        int h = Integer.parseInt(s);
        if (h > 23) {
            throw new IllegalArgumentException("hour " + h + " is outside 0-23");
        }
        return h;
    }

    private static int minute(String s) {
        int m = Integer.parseInt(s);
        if (m > 59) {
            throw new IllegalArgumentException("minute " + m + " is outside 0-59");
        }
        return m;
    }

    /** The first time strictly after {@code after} when the job is due; empty for manual schedules. */
    public Optional<Instant> next(Instant after, ZoneId zone) {
        if (cron != null) {
            return cron.next(after, zone);
        }
        if (intervalSeconds > 0) {
            long s = Math.floorDiv(after.getEpochSecond(), intervalSeconds) + 1;
            return Optional.of(Instant.ofEpochSecond(s * intervalSeconds));
        }
        return Optional.empty();
    }

    public boolean manual() {
        return cron == null && intervalSeconds == 0;
    }

    /** The normalised text, as {@link #parse} takes it back. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return manual() ? "manual" : text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule s && s.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
