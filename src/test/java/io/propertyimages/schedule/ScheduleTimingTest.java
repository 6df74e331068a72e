package io.propertyimages.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleTimingTest {
    private static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");
    private static final Instant NOON_UTC = Instant.parse("2026-11-24T12:00:00.250Z");

    @Test
    void aFiveFieldCronRunsInTheServersZone() {
        ScheduleTiming daily = ScheduleTiming.of(cron("0 3 * * *", null), PHOENIX);

        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), daily.firstRun(NOON_UTC), "03:00 in Phoenix is 10:00 UTC");
    }

    @Test
    void aCronInItsOwnZone() {
        ScheduleTiming daily = ScheduleTiming.of(cron("0 3 * * *", "Europe/Paris"), PHOENIX);

        assertEquals(Instant.parse("2026-11-25T02:00:00Z"), daily.firstRun(NOON_UTC));
    }

    @ParameterizedTest
    @CsvSource({"00:30, 2026-11-24T12:00:00Z", "11:59, 2026-11-24T12:00:00Z", "12:00, 2026-11-25T12:00:00Z",
            "12:30, 2026-11-25T12:00:00Z", "23:30, 2026-11-25T12:00:00Z"})
    void aDailyCronFromAnyHourOfTheDay(String time, Instant expected) {
        ScheduleTiming noon = ScheduleTiming.of(cron("0 12 * * *", "UTC"), PHOENIX);

        assertEquals(expected, noon.firstRun(Instant.parse("2026-11-24T" + time + ":00Z")));
    }

    @Test
    void aSixFieldCronHasSecondsFirst() {
        ScheduleTiming everyFiveSeconds = ScheduleTiming.of(cron("*/5 * * * * *", "UTC"), PHOENIX);

        assertEquals(Instant.parse("2026-11-24T12:00:05Z"), everyFiveSeconds.firstRun(NOON_UTC));
        assertEquals(Instant.parse("2026-11-24T12:00:10Z"),
                everyFiveSeconds.nextRun(Instant.parse("2026-11-24T12:00:05Z"), Instant.parse("2026-11-24T12:00:05.020Z")));
    }

    @Test
    void theRunAfterASlotIsLaterThanTheSlot() {
        ScheduleTiming everyFiveSeconds = ScheduleTiming.of(cron("*/5 * * * * *", "UTC"), PHOENIX);
        Instant slot = Instant.parse("2026-11-24T12:00:05Z");

        assertEquals(Instant.parse("2026-11-24T12:00:10Z"), everyFiveSeconds.nextRun(slot, slot.minusMillis(3)),
                "a run that starts early does not run the same slot again");
    }

    @Test
    void runsMissedWhileNoServerWasUpAreNotMadeUpFor() {
        ScheduleTiming daily = ScheduleTiming.of(cron("0 3 * * *", "UTC"), PHOENIX);
        Instant missedSlot = Instant.parse("2026-11-20T03:00:00Z");

        assertEquals(Instant.parse("2026-11-25T03:00:00Z"), daily.nextRun(missedSlot, NOON_UTC));
    }

    @Test
    void anIntervalRunsOneIntervalAfterTheLastRun() {
        ScheduleTiming everyTenSeconds = ScheduleTiming.of(interval(10), PHOENIX);
        Instant first = everyTenSeconds.firstRun(NOON_UTC);

        assertEquals(NOON_UTC.plusSeconds(10), first);
        assertEquals(first.plusMillis(10_040), everyTenSeconds.nextRun(first, first.plusMillis(40)));
        assertEquals(first.plusSeconds(10), everyTenSeconds.nextRun(first, first.minusMillis(5)), "an early run counts from its slot");
        assertEquals(first.plusSeconds(45), everyTenSeconds.nextRun(first, first.plusSeconds(35)), "missed runs are skipped");
        assertEquals(first.plusMillis(19_900), everyTenSeconds.nextRun(first, first.plusMillis(9_900)),
                "a late run is not followed by another right away");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 3 * *             | invalid cron \"0 3 * *\": 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first",
            "* * * * * * *       | invalid cron \"* * * * * * *\"",
            "61 * * * *          | invalid cron \"61 * * * *\" (minutes: 61)",
            "0 25 * * *          | invalid cron \"0 25 * * *\" (hours: 25)",
            "every day           | invalid cron \"every day\"",
            "''                  | invalid cron \"\"",
            "0 0 3 30 2 *        | cron \"0 0 3 30 2 *\" never fires"})
    void refusesABadCronNamingIt(String expression, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ScheduleTiming.of(cron(expression, null), PHOENIX));

        assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
    }

    @Test
    void refusesAnUnknownZone() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ScheduleTiming.of(cron("0 3 * * *", "Mars/Olympus_Mons"), PHOENIX));

        assertTrue(refused.getMessage().startsWith("unknown zone \"Mars/Olympus_Mons\""), refused.getMessage());
    }

    @Test
    void needsExactlyOneOfCronAndInterval() {
        assertEquals("give either \"cron\" or \"intervalSeconds\", not both", assertThrows(IllegalArgumentException.class,
                () -> ScheduleTiming.of(new ScheduleDefinition("job", Map.of(), "0 3 * * *", null, 60L), PHOENIX)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ScheduleTiming.of(new ScheduleDefinition("job", Map.of(), null, null, null), PHOENIX))
                .getMessage().startsWith("give \"cron\""));
    }

    @Test
    void refusesAnIntervalOutOfRangeOrWithAZone() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScheduleTiming.of(interval(0), PHOENIX))
                .getMessage().startsWith("intervalSeconds must be from 1 to 31622400"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScheduleTiming.of(interval(31_622_401), PHOENIX))
                .getMessage().startsWith("intervalSeconds must be from 1 to 31622400"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ScheduleTiming.of(new ScheduleDefinition("job", Map.of(), null, "UTC", 60L), PHOENIX))
                .getMessage().startsWith("\"zone\" applies to \"cron\" only"));
    }

    private static ScheduleDefinition cron(String expression, String zone) {
        return new ScheduleDefinition("job", Map.of(), expression, zone, null);
    }

    private static ScheduleDefinition interval(long seconds) {
        return new ScheduleDefinition("job", Map.of(), null, null, seconds);
    }
}
