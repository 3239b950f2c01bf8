package io.backbench.jobs.internal;

import java.util.Locale;

import io.backbench.repository.api.RetentionPolicy;

/**
 * A job's retention text: {@code last=7,hourly=24,daily=14,weekly=8,monthly=12,yearly=3,within=1y5m7d2h}
 * (any subset; the counts are restic's {@code --keep-*}).
 */
final class RetentionSpec {
    private RetentionSpec() {
    }

    static RetentionPolicy parse(String text) {
        RetentionPolicy p = RetentionPolicy.none();
        if (text == null || text.isBlank()) {
            return p;
        }
        for (String part : text.split(",")) {
            String t = part.trim();
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("retention '" + text + "': '" + t + "' is not name=value; use e.g."
                        + " last=7,daily=14,weekly=8,monthly=12,yearly=3");
            }
            String key = t.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = t.substring(eq + 1).trim();
            p = switch (key) {
                case "last" -> p.keepLast(count(key, value));
                case "hourly" -> p.keepHourly(count(key, value));
                case "daily" -> p.keepDaily(count(key, value));
                case "weekly" -> p.keepWeekly(count(key, value));
                case "monthly" -> p.keepMonthly(count(key, value));
                case "yearly" -> p.keepYearly(count(key, value));
                case "within" -> p.keepWithin(RetentionPolicy.Span.parse(value));
                default -> throw new IllegalArgumentException("retention '" + text + "': unknown rule '" + key
                        + "'; use last, hourly, daily, weekly, monthly, yearly or within");
            };
        }
        return p;
    }

    private static int count(String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("retention " + key + "=" + value + ": the count must be a whole number, 0 or more");
        }
    }
}
