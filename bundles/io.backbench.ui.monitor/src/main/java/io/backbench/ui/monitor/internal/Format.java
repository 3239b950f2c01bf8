package io.backbench.ui.monitor.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.backbench.catalog.api.RunStatus;

/** How the monitoring views write numbers, times and statuses. Any thread. */
public final class Format {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB"};

    private Format() {
    }

    /** "512 B", "146.5 KiB", "3.2 GiB". */
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

    /** "12.5 MiB/s", or "" when unknown. */
    public static String throughput(double bytesPerSecond) {
        return bytesPerSecond <= 0 ? "" : bytes((long) bytesPerSecond) + "/s";
    }

    /** "0.4 s", "1 m 05 s", "2 h 03 m", or "" for null. */
    public static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long ms = d.toMillis();
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d m %02d s", s / 60, s % 60);
        }
        if (s < 86_400 * 2) {
            return String.format(Locale.ROOT, "%d h %02d m", s / 3600, (s % 3600) / 60);
        }
        return String.format(Locale.ROOT, "%d d %02d h", s / 86_400, (s % 86_400) / 3600);
    }

    /** Local time, "2026-05-04 14:03:12", or "" for null. */
    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** "Succeeded", "Succeeded with warnings", "Failed", ... */
    public static String status(RunStatus s) {
        if (s == null) {
            return "";
        }
        String code = s.code().replace('_', ' ');
        return Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }

    /** A duration typed by people: "90m", "1h30m", "2d", "45s", "36" (hours); null for blank. */
    public static Duration parseDuration(String text, String what) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (t.isEmpty()) {
            return null;
        }
        if (t.matches("\\d+")) {
            return Duration.ofHours(Long.parseLong(t));
        }
        if (!t.matches("(\\d+[dhms])+")) {
            throw new IllegalArgumentException(what + " '" + text.trim() + "' is not a duration: write e.g. 26h, 90m, 1h30m or 2d"
                    + " (a bare number is hours), or leave it empty for none");
        }
        Duration d = Duration.ZERO;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([dhms])").matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
        }
        if (d.isZero()) {
            throw new IllegalArgumentException(what + " must be longer than zero, or empty for none");
        }
        return d;
    }

    /** The inverse of {@link #parseDuration}: "1d2h30m", "" for null. */
    public static String durationInput(Duration d) {
        if (d == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        long s = d.toSeconds();
        long[] sizes = {86_400, 3600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (s >= sizes[i]) {
                sb.append(s / sizes[i]).append(names[i]);
                s %= sizes[i];
            }
        }
        return sb.length() == 0 ? "0s" : sb.toString();
    }
}
