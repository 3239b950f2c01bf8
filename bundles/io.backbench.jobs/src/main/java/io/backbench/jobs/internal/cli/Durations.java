package io.backbench.jobs.internal.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them: {@code 26h}, {@code 90m}, {@code 7d}, {@code 1h30m}, {@code 45s}, or ISO {@code PT26H}. */
final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

    private Durations() {
    }

    static Duration parse(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + s + "' is not a duration: use e.g. 26h, 90m, 7d or 1h30m");
            }
        }
        Matcher m = PART.matcher(t);
        Duration d = Duration.ZERO;
        int pos = 0;
        while (m.find() && m.start() == pos) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            pos = m.end();
        }
        if (t.isEmpty() || pos != t.length()) {
            throw new IllegalArgumentException("'" + s + "' is not a duration: use e.g. 26h, 90m, 7d or 1h30m");
        }
        return d;
    }

    /** {@code 1d2h}, {@code 45m}, {@code 1.2s}, {@code 350ms}: short and readable. */
    static String format(Duration d) {
        if (d == null) {
            return "-";
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        StringBuilder sb = new StringBuilder();
        long s = d.toSeconds();
        if (s >= 86_400) {
            sb.append(s / 86_400).append('d');
        }
        if (s % 86_400 >= 3600) {
            sb.append(s % 86_400 / 3600).append('h');
        }
        if (s % 3600 >= 60) {
            sb.append(s % 3600 / 60).append('m');
        }
        return sb.toString();
    }
}
