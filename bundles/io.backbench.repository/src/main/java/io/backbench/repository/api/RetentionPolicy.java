package io.backbench.repository.api;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which snapshots {@code forget} keeps, with restic's rules (restic 0.14). Snapshots are ranked
 * newest first; a snapshot is kept if any rule keeps it, and the reasons are all the rules that did.
 * <ul>
 * <li>{@code last n}: the n newest.</li>
 * <li>{@code hourly/daily/weekly/monthly/yearly n}: going from newest to oldest, the newest snapshot
 * of each hour/day/ISO week/month/year, for the n newest such periods that hold a snapshot.</li>
 * <li>{@code within d}: every snapshot newer than the newest snapshot (not in the future) minus d.</li>
 * <li>{@code withinHourly d} etc.: the newest snapshot of each period, among those within d.</li>
 * <li>{@code tags}: every snapshot that has all the tags of one of the lists; not counted.</li>
 * </ul>
 * A policy with no rule keeps everything. Periods are computed in {@link #zone()}: restic uses the
 * time zone recorded in each snapshot's time; snapshots written by Backbench record UTC, so UTC (the
 * default) gives restic's choice for them.
 */
public record RetentionPolicy(int last, int hourly, int daily, int weekly, int monthly, int yearly, Span within,
        Span withinHourly, Span withinDaily, Span withinWeekly, Span withinMonthly, Span withinYearly, List<List<String>> tags,
        ZoneId zone) {

    public RetentionPolicy {
        for (int n : new int[] {last, hourly, daily, weekly, monthly, yearly}) {
            if (n < 0) {
                throw new IllegalArgumentException("keep counts must not be negative, got " + n);
            }
        }
        within = orZero(within);
        withinHourly = orZero(withinHourly);
        withinDaily = orZero(withinDaily);
        withinWeekly = orZero(withinWeekly);
        withinMonthly = orZero(withinMonthly);
        withinYearly = orZero(withinYearly);
        List<List<String>> t = new ArrayList<>();
        if (tags != null) {
            for (List<String> l : tags) {
                t.add(List.copyOf(l));
            }
        }
        tags = List.copyOf(t);
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    private static Span orZero(Span s) {
        return s == null ? Span.ZERO : s;
    }

    /** The empty policy (keeps everything); add rules with the {@code keep...} methods. */
    public static RetentionPolicy none() {
        return new RetentionPolicy(0, 0, 0, 0, 0, 0, null, null, null, null, null, null, null, null);
    }

    public RetentionPolicy keepLast(int n) {
        return new RetentionPolicy(n, hourly, daily, weekly, monthly, yearly, within, withinHourly, withinDaily, withinWeekly, withinMonthly, withinYearly, tags, zone);
    }

    public RetentionPolicy keepHourly(int n) {
        return new RetentionPolicy(last, n, daily, weekly, monthly, yearly, within, withinHourly, withinDaily, withinWeekly, withinMonthly, withinYearly, tags, zone);
    }

    public RetentionPolicy keepDaily(int n) {
        return new RetentionPolicy(last, hourly, n, weekly, monthly, yearly, within, withinHourly, withinDaily, withinWeekly, withinMonthly, withinYearly, tags, zone);
    }

    public RetentionPolicy keepWeekly(int n) {
        return new RetentionPolicy(last, hourly, daily, n, monthly, yearly, within, withinHourly, withinDaily, withinWeekly, withinMonthly, withinYearly, tags, zone);
    }

    public RetentionPolicy keepMonthly(int n) {
        return new RetentionPolicy(last, hourly, daily, weekly, n, yearly, within, withinHourly, withinDaily, withinWeekly, withinMonthly, withinYearly, tags, zone);
    }

    public RetentionPolicy keepYearly(int n) {
        return new RetentionPolicy(last, hourly, daily, weekly, monthly, n, within, withinHourly, withinDaily, withinWeekly, withinMonthly, withinYearly, tags, zone);
    }

    /** {@code --keep-within}, e.g. {@code Span.parse("1y5m7d2h")}. */
    public RetentionPolicy keepWithin(Span d) {
        return new RetentionPolicy(last, hourly, daily, weekly, monthly, yearly, d, withinHourly, withinDaily, withinWeekly, withinMonthly, withinYearly, tags, zone);
    }

    public RetentionPolicy keepWithinHourly(Span d) {
        return new RetentionPolicy(last, hourly, daily, weekly, monthly, yearly, within, d, withinDaily, withinWeekly, withinMonthly, withinYearly, tags, zone);
    }

    public RetentionPolicy keepWithinDaily(Span d) {
        return new RetentionPolicy(last, hourly, daily, weekly, monthly, yearly, within, withinHourly, d, withinWeekly, withinMonthly, withinYearly, tags, zone);
    }

    public RetentionPolicy keepWithinWeekly(Span d) {
        return new RetentionPolicy(last, hourly, daily, weekly, monthly, yearly, within, withinHourly, withinDaily, d, withinMonthly, withinYearly, tags, zone);
    }

    public RetentionPolicy keepWithinMonthly(Span d) {
        return new RetentionPolicy(last, hourly, daily, weekly, monthly, yearly, within, withinHourly, withinDaily, withinWeekly, d, withinYearly, tags, zone);
    }

    public RetentionPolicy keepWithinYearly(Span d) {
        return new RetentionPolicy(last, hourly, daily, weekly, monthly, yearly, within, withinHourly, withinDaily, withinWeekly, withinMonthly, d, tags, zone);
    }

    /** {@code --keep-tag a,b}: keeps snapshots having both a and b. May be given several times (any list matches). */
    public RetentionPolicy keepTag(String commaSeparatedTags) {
        List<List<String>> t = new ArrayList<>(tags);
        List<String> l = new ArrayList<>();
        for (String s : commaSeparatedTags.split(",")) {
            if (!s.isBlank()) {
                l.add(s.trim());
            }
        }
        t.add(l);
        return new RetentionPolicy(last, hourly, daily, weekly, monthly, yearly, within, withinHourly, withinDaily, withinWeekly, withinMonthly, withinYearly, t, zone);
    }

    /** The zone in which hours, days, weeks, months and years are counted. */
    public RetentionPolicy inZone(ZoneId z) {
        return new RetentionPolicy(last, hourly, daily, weekly, monthly, yearly, within, withinHourly, withinDaily, withinWeekly, withinMonthly, withinYearly, tags, z);
    }

    /** True when no rule is set: such a policy keeps every snapshot. */
    public boolean empty() {
        return last == 0 && hourly == 0 && daily == 0 && weekly == 0 && monthly == 0 && yearly == 0 && within.zero()
                && withinHourly.zero() && withinDaily.zero() && withinWeekly.zero() && withinMonthly.zero() && withinYearly.zero()
                && tags.isEmpty();
    }

    /**
     * A calendar duration as restic writes it: years, months, days and hours, e.g. {@code 1y5m7d2h}.
     * Subtracted from a time as Go's {@code AddDate} does (no clamping: March 31 minus a month is March 3).
     */
    public record Span(int years, int months, int days, int hours) {
        public static final Span ZERO = new Span(0, 0, 0, 0);
        private static final Pattern PART = Pattern.compile("(\\d+)([ymdh])");

        public Span {
            if (years < 0 || months < 0 || days < 0 || hours < 0) {
                throw new IllegalArgumentException("a span's parts must not be negative");
            }
        }

        /** Parses {@code 1y5m7d2h} (any subset of the parts, in that order or any other). */
        public static Span parse(String s) {
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException("empty duration: use e.g. 1y5m7d2h (years, months, days, hours)");
            }
            Matcher m = PART.matcher(s.trim());
            int[] v = new int[4];
            int pos = 0;
            while (m.find() && m.start() == pos) {
                v["ymdh".indexOf(m.group(2).charAt(0))] += Integer.parseInt(m.group(1));
                pos = m.end();
            }
            if (pos != s.trim().length()) {
                throw new IllegalArgumentException("invalid duration '" + s + "': use e.g. 1y5m7d2h (years, months, days, hours)");
            }
            return new Span(v[0], v[1], v[2], v[3]);
        }

        public boolean zero() {
            return years == 0 && months == 0 && days == 0 && hours == 0;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (years > 0) {
                sb.append(years).append('y');
            }
            if (months > 0) {
                sb.append(months).append('m');
            }
            if (days > 0) {
                sb.append(days).append('d');
            }
            if (hours > 0 || sb.length() == 0) {
                sb.append(hours).append('h');
            }
            return sb.toString();
        }
    }
}
