package io.backbench.repository.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.backbench.repository.api.Id;
import io.backbench.repository.api.KeptSnapshot;
import io.backbench.repository.api.RetentionPolicy;
import io.backbench.repository.api.RetentionPolicy.Span;
import io.backbench.repository.api.Snapshot;
import io.backbench.repository.api.StoredSnapshot;

/** The forget policy on made-up snapshot times, against cases worked out from restic's documentation. */
class RetentionTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Id TREE = Id.hash(new byte[] {1});

    private static StoredSnapshot at(String time, String... tags) {
        Instant t = Instant.parse(time);
        Snapshot s = new Snapshot(t, TREE, List.of("/home/user/work"), "mopped", "u", 0, 0, List.of(), List.of(tags), null, null);
        return new StoredSnapshot(Id.hash((time + String.join(",", tags)).getBytes()), s);
    }

    private static List<String> times(List<StoredSnapshot> l) {
        return l.stream().map(s -> s.snapshot().time().toString()).toList();
    }

    private static List<String> keptTimes(List<KeptSnapshot> l) {
        return times(l.stream().map(KeptSnapshot::snapshot).toList());
    }

    // the documentation's example: one backup every Sunday for 12 weeks, forget --keep-daily 4
    @Test
    void keepDailyFourOfTwelveSundaysKeepsTheLastFourSundays() {
        List<StoredSnapshot> sundays = new ArrayList<>();
        for (String d : List.of("2019-09-01", "2019-09-08", "2019-09-15", "2019-09-22", "2019-09-29", "2019-10-06", "2019-10-13",
                "2019-10-20", "2019-10-27", "2019-11-03", "2019-11-10", "2019-11-17")) {
            sundays.add(at(d + "T11:00:00Z"));
        }
        Retention.Decision d = Retention.apply(sundays, RetentionPolicy.none().keepDaily(4), NOW);
        assertEquals(List.of("2019-11-17T11:00:00Z", "2019-11-10T11:00:00Z", "2019-11-03T11:00:00Z", "2019-10-27T11:00:00Z"),
                keptTimes(d.keep()));
        d.keep().forEach(k -> assertEquals(List.of("daily snapshot"), k.reasons()));
        assertEquals(8, d.remove().size());
        assertEquals("2019-10-20T11:00:00Z", times(d.remove()).get(0));
    }

    // the documentation's "one backup every day" example, for three years (2020-2022) and keep-yearly 3
    @Test
    void dailyWeeklyMonthlyYearlyOverlapAsTheDocumentationExplains() {
        List<StoredSnapshot> daily = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2020, 1, 1); !d.isAfter(LocalDate.of(2022, 12, 31)); d = d.plusDays(1)) {
            daily.add(at(d + "T12:00:00Z"));
        }
        RetentionPolicy p = RetentionPolicy.none().keepDaily(7).keepWeekly(5).keepMonthly(12).keepYearly(3);
        Retention.Decision d = Retention.apply(daily, p, NOW);
        Map<String, List<String>> reasons = new TreeMap<>();
        d.keep().forEach(k -> reasons.put(k.snapshot().snapshot().time().toString().substring(0, 10), k.reasons()));
        // 7 dailies: Dec 25-31. Weeks end on Sundays; Dec 31 2022 is a Saturday, so the 5 weeklies are
        // Dec 31, 25, 18, 11, 4 (two of them dailies). Months: the last day of each month of 2022.
        // Years: Dec 31 of 2022, 2021, 2020.
        assertEquals(List.of("daily snapshot", "weekly snapshot", "monthly snapshot", "yearly snapshot"), reasons.get("2022-12-31"));
        assertEquals(List.of("daily snapshot", "weekly snapshot"), reasons.get("2022-12-25"));
        assertEquals(List.of("weekly snapshot"), reasons.get("2022-12-18"));
        assertEquals(List.of("weekly snapshot"), reasons.get("2022-12-04"));
        assertEquals(List.of("monthly snapshot"), reasons.get("2022-11-30"));
        assertEquals(List.of("monthly snapshot"), reasons.get("2022-02-28"));
        assertEquals(List.of("monthly snapshot"), reasons.get("2022-01-31"));
        assertEquals(List.of("yearly snapshot"), reasons.get("2021-12-31"));
        assertEquals(List.of("yearly snapshot"), reasons.get("2020-12-31"));
        assertEquals(7 + 3 + 11 + 2, d.keep().size());
        assertEquals(daily.size() - 23, d.remove().size());
    }

    @Test
    void keepLastCountsSnapshotsNotPeriods() {
        List<StoredSnapshot> l = List.of(at("2024-01-01T10:00:00Z"), at("2024-01-01T10:30:00Z"), at("2024-01-01T11:00:00Z"));
        Retention.Decision d = Retention.apply(l, RetentionPolicy.none().keepLast(2).keepHourly(1), NOW);
        assertEquals(List.of("2024-01-01T11:00:00Z", "2024-01-01T10:30:00Z"), keptTimes(d.keep()));
        assertEquals(List.of("last snapshot", "hourly snapshot"), d.keep().get(0).reasons());
        assertEquals(List.of("last snapshot"), d.keep().get(1).reasons());
    }

    @Test
    void keepWithinIsRelativeToTheNewestSnapshotAndExclusive() {
        List<StoredSnapshot> l = List.of(at("2024-03-10T12:00:00Z"), at("2024-03-08T12:00:00Z"), at("2024-03-08T12:00:01Z"),
                at("2024-03-01T00:00:00Z"));
        Retention.Decision d = Retention.apply(l, RetentionPolicy.none().keepWithin(Span.parse("2d")), NOW);
        assertEquals(List.of("2024-03-10T12:00:00Z", "2024-03-08T12:00:01Z"), keptTimes(d.keep()));
        assertEquals(List.of("within 2d"), d.keep().get(0).reasons());
    }

    @Test
    void keepWithinIgnoresSnapshotsInTheFutureWhenFindingTheNewest() {
        List<StoredSnapshot> l = List.of(at("2031-01-01T00:00:00Z"), at("2029-12-31T00:00:00Z"), at("2029-12-01T00:00:00Z"));
        Retention.Decision d = Retention.apply(l, RetentionPolicy.none().keepWithin(Span.parse("1d")), NOW);
        assertEquals(List.of("2031-01-01T00:00:00Z", "2029-12-31T00:00:00Z"), keptTimes(d.keep()));
    }

    @Test
    void keepWithinDailyKeepsTheNewestOfEachDayInsideTheSpan() {
        List<StoredSnapshot> l = List.of(at("2024-03-10T18:00:00Z"), at("2024-03-10T08:00:00Z"), at("2024-03-09T20:00:00Z"),
                at("2024-03-09T07:00:00Z"), at("2024-03-01T20:00:00Z"));
        Retention.Decision d = Retention.apply(l, RetentionPolicy.none().keepWithinDaily(Span.parse("3d")), NOW);
        assertEquals(List.of("2024-03-10T18:00:00Z", "2024-03-09T20:00:00Z"), keptTimes(d.keep()));
        assertEquals(List.of("daily within 3d"), d.keep().get(1).reasons());
    }

    @Test
    void keepTagNeedsAllTagsOfAListAndIsNotCounted() {
        List<StoredSnapshot> l = List.of(at("2024-01-03T00:00:00Z", "a"), at("2024-01-02T00:00:00Z", "a", "b"),
                at("2024-01-01T00:00:00Z", "b", "a", "c"));
        Retention.Decision d = Retention.apply(l, RetentionPolicy.none().keepTag("a,b"), NOW);
        assertEquals(List.of("2024-01-02T00:00:00Z", "2024-01-01T00:00:00Z"), keptTimes(d.keep()));
        assertEquals(List.of("has tags [a, b]"), d.keep().get(0).reasons());
    }

    @Test
    void anEmptyPolicyKeepsEverything() {
        List<StoredSnapshot> l = List.of(at("2024-01-03T00:00:00Z"), at("2024-01-02T00:00:00Z"));
        Retention.Decision d = Retention.apply(l, RetentionPolicy.none(), NOW);
        assertEquals(2, d.keep().size());
        assertEquals(List.of("policy is empty"), d.keep().get(0).reasons());
    }

    @Test
    void weeksAreIsoWeeksAndPeriodsFollowTheChosenZone() {
        // Sunday 2024-01-07 23:30 UTC is Monday 2024-01-08 in UTC+1: a new ISO week there
        List<StoredSnapshot> l = List.of(at("2024-01-07T23:30:00Z"), at("2024-01-07T10:00:00Z"));
        assertEquals(1, Retention.apply(l, RetentionPolicy.none().keepWeekly(5), NOW).keep().size());
        assertEquals(2, Retention.apply(l, RetentionPolicy.none().keepWeekly(5).inZone(ZoneOffset.ofHours(1)), NOW).keep().size());
    }

    @Test
    void spansSubtractLikeGoAddDate() {
        ZonedDateTime t = ZonedDateTime.parse("2022-03-31T10:00:00Z");
        assertEquals(ZonedDateTime.parse("2022-03-03T10:00:00Z"), Retention.minus(t, Span.parse("1m")));
        assertEquals(ZonedDateTime.parse("2021-02-28T08:00:00Z"), Retention.minus(t, new Span(1, 1, 3, 2)));
        assertEquals(new Span(2, 5, 7, 3), Span.parse("2y5m7d3h"));
        assertThrows(IllegalArgumentException.class, () -> Span.parse("1w"));
    }
}
