package io.backbench.repository.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

import io.backbench.repository.api.KeptSnapshot;
import io.backbench.repository.api.RetentionPolicy;
import io.backbench.repository.api.RetentionPolicy.Span;
import io.backbench.repository.api.StoredSnapshot;

/** restic 0.14's {@code ApplyPolicy} on one group of snapshots. Pure; any thread. */
public final class Retention {
    private Retention() {
    }

    /** Kept snapshots (with reasons) and removed ones, both newest first. */
    public record Decision(List<KeptSnapshot> keep, List<StoredSnapshot> remove) {
    }

    /** Newest first; equal times keep the order of ids, as restic's stable sort of its listing does. */
    static final Comparator<StoredSnapshot> NEWEST_FIRST = Comparator
            .comparing((StoredSnapshot s) -> s.snapshot().time()).reversed().thenComparing(StoredSnapshot::id);

    public static Decision apply(List<StoredSnapshot> group, RetentionPolicy p, Instant now) {
        List<StoredSnapshot> list = new ArrayList<>(group);
        list.sort(NEWEST_FIRST);
        List<KeptSnapshot> keep = new ArrayList<>();
        List<StoredSnapshot> remove = new ArrayList<>();
        if (p.empty()) {
            list.forEach(s -> keep.add(new KeptSnapshot(s, List.of("policy is empty"))));
            return new Decision(keep, remove);
        }
        if (list.isEmpty()) {
            return new Decision(keep, remove);
        }
        ToLongFunction<ZonedDateTime> hour = d -> d.getYear() * 1_000_000L + d.getMonthValue() * 10_000L + d.getDayOfMonth() * 100L + d.getHour();
        ToLongFunction<ZonedDateTime> day = d -> d.getYear() * 10_000L + d.getMonthValue() * 100L + d.getDayOfMonth();
        ToLongFunction<ZonedDateTime> week = d -> d.get(IsoFields.WEEK_BASED_YEAR) * 100L + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        ToLongFunction<ZonedDateTime> month = d -> d.getYear() * 100L + d.getMonthValue();
        ToLongFunction<ZonedDateTime> year = ZonedDateTime::getYear;
        Bucket[] counted = {
            new Bucket(p.last(), null, null, "last snapshot"),
            new Bucket(p.hourly(), null, hour, "hourly snapshot"),
            new Bucket(p.daily(), null, day, "daily snapshot"),
            new Bucket(p.weekly(), null, week, "weekly snapshot"),
            new Bucket(p.monthly(), null, month, "monthly snapshot"),
            new Bucket(p.yearly(), null, year, "yearly snapshot"),
        };
        Bucket[] within = {
            new Bucket(0, p.withinHourly(), hour, "hourly within " + p.withinHourly()),
            new Bucket(0, p.withinDaily(), day, "daily within " + p.withinDaily()),
            new Bucket(0, p.withinWeekly(), week, "weekly within " + p.withinWeekly()),
            new Bucket(0, p.withinMonthly(), month, "monthly within " + p.withinMonthly()),
            new Bucket(0, p.withinYearly(), year, "yearly within " + p.withinYearly()),
        };
        ZonedDateTime latest = latest(list, now).atZone(p.zone());
        for (int nr = 0; nr < list.size(); nr++) {
            StoredSnapshot cur = list.get(nr);
            ZonedDateTime t = cur.snapshot().time().atZone(p.zone());
            List<String> reasons = new ArrayList<>();
            for (List<String> tags : p.tags()) {
                if (cur.snapshot().tags().containsAll(tags)) {
                    reasons.add("has tags " + goList(tags));
                }
            }
            if (!p.within().zero() && t.isAfter(minus(latest, p.within()))) {
                reasons.add("within " + p.within());
            }
            for (Bucket b : counted) {
                if (b.count > 0) {
                    long val = b.bucker == null ? nr : b.bucker.applyAsLong(t);
                    if (val != b.last) {
                        b.last = val;
                        b.count--;
                        reasons.add(b.reason);
                    }
                }
            }
            for (Bucket b : within) {
                if (!b.within.zero() && t.isAfter(minus(latest, b.within))) {
                    long val = b.bucker.applyAsLong(t);
                    if (val != b.last) {
                        b.last = val;
                        reasons.add(b.reason);
                    }
                }
            }
            if (reasons.isEmpty()) {
                remove.add(cur);
            } else {
                keep.add(new KeptSnapshot(cur, reasons));
            }
        }
        return new Decision(keep, remove);
    }

    // The newest snapshot time that is not in the future (restic ignores clock-skewed snapshots here).
    private static Instant latest(List<StoredSnapshot> list, Instant now) {
        Instant latest = Instant.EPOCH;
        for (StoredSnapshot s : list) {
            Instant t = s.snapshot().time();
            if (t.isAfter(latest) && t.isBefore(now)) {
                latest = t;
            }
        }
        return latest;
    }

    /** Go's {@code t.AddDate(-y, -m, -d).Add(-h hours)}: calendar fields overflow instead of clamping. */
    static ZonedDateTime minus(ZonedDateTime t, Span s) {
        LocalDateTime l = t.toLocalDateTime();
        LocalDate date = LocalDate.of(l.getYear() - s.years(), 1, 1).plusMonths(l.getMonthValue() - 1L - s.months())
                .plusDays(l.getDayOfMonth() - 1L - s.days());
        return ZonedDateTime.of(date.atTime(l.toLocalTime()), t.getZone()).minusHours(s.hours());
    }

    private static String goList(List<String> l) {
        return "[" + String.join(", ", l) + "]"; // restic's TagList.String()
    }

    private static final class Bucket {
        int count;
        final Span within;
        final ToLongFunction<ZonedDateTime> bucker;
        final String reason;
        long last = -1;

        Bucket(int count, Span within, ToLongFunction<ZonedDateTime> bucker, String reason) {
            this.count = count;
            this.within = within;
            this.bucker = bucker;
            this.reason = reason;
        }
    }
}
