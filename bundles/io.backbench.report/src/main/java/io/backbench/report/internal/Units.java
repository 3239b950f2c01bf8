package io.backbench.report.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report writes numbers, sizes, durations and times for people (the same in every format). */
public final class Units {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Units() {
    }

    /** "512 B", "1.5 KiB", "3.2 GiB". */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        int u = -1;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, UNITS[u]);
    }

    /** "97.5 %", or "–" when there is nothing to rate. */
    public static String percent(Double rate) {
        return rate == null ? "–" : String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    /** "45s", "12m 05s", "3h 20m", "2d 4h"; "–" for null. */
    public static String duration(Duration d) {
        if (d == null) {
            return "–";
        }
        long s = d.getSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd %dh", s / 86_400, s % 86_400 / 3600);
    }

    /** "2026-10-31 23:00" in the report's zone. */
    public static String time(Instant t, ZoneId zone) {
        return TIME.format(t.atZone(zone));
    }

    /** "12 (3 failed)"-style count text: the worst restore time against the RTO, "4m 10s of 30m 00s". */
    public static String worstRestore(JobFigures.RestoreTests t) {
        if (t.worstRestoreTime() == null) {
            return "–";
        }
        String s = duration(t.worstRestoreTime());
        if (t.worstRto() == null) {
            return s + " (no RTO)";
        }
        return s + (Boolean.TRUE.equals(t.worstWithinRto()) ? " within " : " over ") + "RTO " + duration(t.worstRto());
    }

    /** The RPO breaches of a row: "2, 1d 4h" or "none" (or "no RPO"). */
    public static String breaches(JobFigures f) {
        if (f.breaches().isEmpty()) {
            return f.rpo() == null && !f.name().equals(JobFigures.TOTAL_NAME) ? "no RPO" : "none";
        }
        return f.breaches().size() + ", " + duration(f.breachTime());
    }
}
