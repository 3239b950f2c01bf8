package io.backbench.jobs.scheduler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ScheduleTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static List<String> firings(String schedule, String from, int n, ZoneId zone) {
        Schedule s = Schedule.parse(schedule);
        List<String> out = new ArrayList<>();
        Instant t = Instant.parse(from);
        for (int i = 0; i < n; i++) {
            t = s.next(t, zone).orElseThrow();
            out.add(t.toString());
        }
        return out;
    }

    @Test
    void dailyFiresAtTheTimeEveryDay() {
        assertEquals(List.of("2026-11-02T02:30:00Z", "2026-11-03T02:30:00Z"), firings("daily 02:30", "2026-11-02T02:29:59Z", 2, UTC));
        assertEquals(List.of("2026-11-03T02:30:00Z"), firings("daily 02:30", "2026-11-02T02:30:00Z", 1, UTC), "strictly after");
    }

    @Test
    void weeklyFiresOnTheNamedDays() {
        // 2026-11-02 is a Monday
        assertEquals(List.of("2026-11-02T03:00:00Z", "2026-11-05T03:00:00Z", "2026-11-09T03:00:00Z"),
                firings("weekly mon,thu 03:00", "2026-11-01T00:00:00Z", 3, UTC));
        // fri-mon wraps nothing: it is a range fri..mon written backwards, so write fri,sat,sun,mon
        assertEquals(List.of("2026-11-06T22:15:00Z", "2026-11-07T22:15:00Z", "2026-11-08T22:15:00Z", "2026-11-09T22:15:00Z",
                "2026-11-13T22:15:00Z"), firings("weekly fri,sat,sun,mon 22:15", "2026-11-06T00:00:00Z", 5, UTC));
    }

    @Test
    void everyNHoursFiresAtMultiplesFromMidnight() {
        assertEquals(List.of("2026-11-02T06:00:00Z", "2026-11-02T12:00:00Z", "2026-11-02T18:00:00Z", "2026-11-03T00:00:00Z"),
                firings("every 6h", "2026-11-02T05:10:00Z", 4, UTC));
        assertEquals(List.of("2026-11-02T05:15:00Z", "2026-11-02T05:30:00Z"), firings("every 15 minutes", "2026-11-02T05:10:00Z", 2, UTC));
    }

    @Test
    void everyNHoursThatDoNotDivideADayCountFromTheEpoch() {
        List<String> f = firings("every 7 hours", "2026-11-02T00:00:00Z", 3, UTC);
        for (String s : f) {
            assertEquals(0, Instant.parse(s).getEpochSecond() % (7 * 3600));
        }
        assertEquals(7 * 3600, Instant.parse(f.get(1)).getEpochSecond() - Instant.parse(f.get(0)).getEpochSecond());
    }

    @Test
    void cronUsesEveryFieldKind() {
        assertEquals(List.of("2026-11-02T03:00:00Z", "2026-11-03T03:00:00Z", "2026-11-04T03:00:00Z", "2026-11-05T03:00:00Z",
                "2026-11-06T03:00:00Z", "2026-11-09T03:00:00Z"), firings("cron 0 3 * * 1-5", "2026-11-01T12:00:00Z", 6, UTC));
        assertEquals(List.of("2026-11-02T00:00:00Z", "2026-11-02T00:20:00Z", "2026-11-02T00:40:00Z"),
                firings("cron */20 0 * * *", "2026-11-01T23:59:00Z", 3, UTC));
        assertEquals(List.of("2027-01-01T00:00:00Z"), firings("cron @yearly", "2026-11-01T00:00:00Z", 1, UTC));
        assertEquals(List.of("2026-12-15T04:05:00Z"), firings("cron 5 4 15 dec *", "2026-11-01T00:00:00Z", 1, UTC));
        assertEquals(List.of("2028-02-29T00:00:00Z"), firings("cron 0 0 29 2 *", "2026-03-01T00:00:00Z", 1, UTC));
        assertEquals(List.of("2026-11-10T10:00:00Z", "2026-11-10T10:30:00Z", "2026-11-10T11:00:00Z"),
                firings("cron 0,30 10-11 10 * *", "2026-11-01T00:00:00Z", 3, UTC));
    }

    @Test
    void cronMatchesEitherDayFieldWhenBothAreRestricted() {
        // the 13th of the month or any Friday (2026-11-06 is a Friday, 2026-11-13 both)
        assertEquals(List.of("2026-11-06T00:00:00Z", "2026-11-13T00:00:00Z", "2026-11-20T00:00:00Z"),
                firings("cron 0 0 13 * fri", "2026-11-01T00:00:00Z", 3, UTC));
        assertEquals(List.of("2026-11-08T00:00:00Z"), firings("cron 0 0 * * 7", "2026-11-02T00:00:00Z", 1, UTC), "7 is Sunday");
    }

    @Test
    void wallClockTimesFollowTheZoneAcrossDaylightSavingChanges() {
        // Berlin leaves summer time on 2026-10-25 (03:00 CEST -> 02:00 CET)
        assertEquals(List.of("2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"),
                firings("daily 02:30", "2026-10-23T12:00:00Z", 3, BERLIN),
                "02:30 happens twice on the 25th but the job fires once");
        assertEquals(List.of("2026-10-26T01:30:00Z"), firings("daily 02:30", "2026-10-25T00:30:00Z", 1, BERLIN));
    }

    @Test
    void manualSchedulesNeverFire() {
        assertTrue(Schedule.parse("").manual());
        assertTrue(Schedule.parse("manual").manual());
        assertEquals(Optional.empty(), Schedule.parse("manual").next(Instant.EPOCH, UTC));
    }

    @Test
    void impossibleCronDatesNeverFire() {
        assertEquals(Optional.empty(), Schedule.parse("cron 0 0 31 2 *").next(Instant.EPOCH, UTC));
    }

    @Test
    void mistakesAreRefusedWithMessagesThatSayWhatToWrite() {
        assertMessage("daily 25:00", "hour 25 is outside 0-23");
        assertMessage("at noon", "use 'daily 02:30'");
        assertMessage("cron 0 3 * *", "needs 5 fields");
        assertMessage("cron 61 * * * *", "minute 61 is outside 0-59");
        assertMessage("cron 0 3 * * funday", "'funday' is not a number or a name");
        assertMessage("cron 0 5-3 * * *", "goes backwards");
        assertMessage("every 0h", "at least 1");
    }

    private static void assertMessage(String schedule, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.parse(schedule));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
