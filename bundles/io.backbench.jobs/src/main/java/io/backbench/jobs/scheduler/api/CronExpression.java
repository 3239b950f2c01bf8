package io.backbench.jobs.scheduler.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A five-field cron expression as Vixie cron reads it: minute (0-59), hour (0-23), day of month
 * (1-31), month (1-12 or jan-dec), day of week (0-7 or sun-sat, 0 and 7 both Sunday). Each field is
 * {@code *}, a value, a range {@code a-b}, a step {@code * /s}, {@code a-b/s} or {@code a/s}, or a
 * comma list of those. When both day fields are restricted, a day matching either one matches.
 * Also {@code @hourly}, {@code @daily}, {@code @weekly}, {@code @monthly}, {@code @yearly}.
 * Immutable.
 */
final class CronExpression {
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
    /** No expression fires less often than once in four years (Feb 29); searching longer means never. */
    private static final int SEARCH_YEARS = 5;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean domRestricted;
    private final boolean dowRestricted;

    private CronExpression(String text, String[] f) {
        this.text = text;
        minutes = field(f[0], 0, 59, null, 0, "minute");
        hours = field(f[1], 0, 23, null, 0, "hour");
        daysOfMonth = field(f[2], 1, 31, null, 0, "day of month");
        months = field(f[3], 1, 12, MONTHS, 1, "month");
        daysOfWeek = field(f[4], 0, 7, DAYS, 0, "day of week");
        if (daysOfWeek.get(7)) {
            daysOfWeek.set(0);
        }
        domRestricted = !f[2].startsWith("*");
        dowRestricted = !f[4].startsWith("*");
    }

    /** Parses an expression; a mistake is an {@link IllegalArgumentException} naming the field. */
    static CronExpression parse(String expression) {
        String e = expression == null ? "" : expression.trim().toLowerCase(Locale.ROOT);
        String expanded = switch (e) {
            case "@hourly" -> "0 * * * *";
            case "@daily", "@midnight" -> "0 0 * * *";
            case "@weekly" -> "0 0 * * 0";
            case "@monthly" -> "0 0 1 * *";
            case "@yearly", "@annually" -> "0 0 1 1 *";
            default -> e;
        };
        String[] f = expanded.split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("cron expression '" + expression + "' needs 5 fields (minute hour day-of-month month"
                    + " day-of-week), e.g. '30 2 * * 1-5' for 02:30 on weekdays; it has " + (e.isEmpty() ? 0 : f.length));
        }
        return new CronExpression(expression.trim(), f);
    }

    String text() {
        return text;
    }

    /** The first minute strictly after {@code after} that matches, in {@code zone}; empty if none within five years. */
    Optional<Instant> next(Instant after, ZoneId zone) {
        LocalDateTime previous = after.atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime t = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusYears(SEARCH_YEARS);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(zone);
            } else if (!dayMatches(t)) {
                t = t.toLocalDate().plusDays(1).atStartOfDay(zone);
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute()) || !t.toLocalDateTime().isAfter(previous)) {
                // the second test: when clocks go back, a wall-clock minute that already fired comes again
                t = t.plusMinutes(1);
            } else {
                return Optional.of(t.toInstant());
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
        if (domRestricted && dowRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    private static BitSet field(String spec, int min, int max, List<String> names, int nameBase, String what) {
        BitSet bits = new BitSet(max + 1);
        for (String part : spec.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), 1, max, null, 0, what, spec);
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = min;
                hi = max;
            } else if (range.contains("-")) {
                String[] ab = range.split("-", 2);
                lo = number(ab[0], min, max, names, nameBase, what, spec);
                hi = number(ab[1], min, max, names, nameBase, what, spec);
                if (hi < lo) {
                    throw new IllegalArgumentException("cron " + what + " range '" + range + "' goes backwards; write it low-high");
                }
            } else {
                lo = number(range, min, max, names, nameBase, what, spec);
                hi = slash >= 0 ? max : lo;
            }
            for (int v = lo; v <= hi; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(String s, int min, int max, List<String> names, int nameBase, String what, String spec) {
        if (names != null && names.contains(s)) {
            return names.indexOf(s) + nameBase;
        }
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw new IllegalArgumentException("cron " + what + " " + v + " is outside " + min + "-" + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cron " + what + " field '" + spec + "': '" + s + "' is not a number"
                    + (names != null ? " or a name (" + String.join(",", names) + ")" : ""));
        }
    }
}
