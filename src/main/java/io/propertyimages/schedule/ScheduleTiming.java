package io.propertyimages.schedule;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.concurrent.CronTrigger;

/**
 * When a schedule runs: the times of a cron expression (Jakarta Concurrency's {@link CronTrigger}: 5 fields, or 6
 * with seconds first) in a time zone, or a fixed interval. Times are whole milliseconds, as the store keeps them.
 */
public final class ScheduleTiming {
    static final long MAX_INTERVAL_SECONDS = Duration.ofDays(366).toSeconds();
    private static final String CRON_FORM = "5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first";

    private final CronTrigger cron;
    private final Duration interval;

    private ScheduleTiming(CronTrigger cron, Duration interval) {
        this.cron = cron;
        this.interval = interval;
    }

    /**
     * @param serverZone the zone of a cron expression that names none
     * @throws IllegalArgumentException naming what is wrong with the definition's timing
     */
    public static ScheduleTiming of(ScheduleDefinition definition, ZoneId serverZone) {
        String cron = definition.cron();
        Long intervalSeconds = definition.intervalSeconds();
        if (cron != null && intervalSeconds != null) {
            throw new IllegalArgumentException("give either \"cron\" or \"intervalSeconds\", not both");
        }
        if (cron == null && intervalSeconds == null) {
            throw new IllegalArgumentException("give \"cron\" (e.g. \"0 3 * * *\") or \"intervalSeconds\"");
        }
        if (intervalSeconds != null) {
            if (definition.zone() != null) {
                throw new IllegalArgumentException("\"zone\" applies to \"cron\" only, not to \"intervalSeconds\"");
            }
            if (intervalSeconds < 1 || intervalSeconds > MAX_INTERVAL_SECONDS) {
                throw new IllegalArgumentException("intervalSeconds must be from 1 to " + MAX_INTERVAL_SECONDS
                        + ", found " + intervalSeconds);
            }
            return new ScheduleTiming(null, Duration.ofSeconds(intervalSeconds));
        }
        ScheduleTiming timing = new ScheduleTiming(cronTrigger(cron, zone(definition.zone(), serverZone)), null);
        try {
            timing.firstRun(Instant.now());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("cron \"" + cron + "\" never fires");
        }
        return timing;
    }

    /** The first run of a new schedule: the cron expression's next time, or one interval from now. */
    public Instant firstRun(Instant now) {
        return cron == null ? millis(now.plus(interval)) : nextCronTimeAfter(now);
    }

    /**
     * The run after {@code slot}, the time a run was due, that runs at {@code now}: the next cron time, or one interval
     * later; both counted from the later of the two, so runs missed while no server was up are not made up for, and a
     * late run is not followed by another right away.
     */
    public Instant nextRun(Instant slot, Instant now) {
        Instant after = slot.isAfter(now) ? slot : now;
        return cron == null ? millis(after.plus(interval)) : nextCronTimeAfter(after);
    }

    private Instant nextCronTimeAfter(Instant instant) {
        // CronTrigger answers the first time at or after the one given, which must be in its own zone.
        ZonedDateTime from = instant.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).atZone(cron.getZoneId());
        return cron.getNextRunTime(null, from).toInstant();
    }

    private static CronTrigger cronTrigger(String cron, ZoneId zone) {
        try {
            return new CronTrigger(cron.strip(), zone);
        } catch (RuntimeException e) {
            String detail = cron.strip().equals(e.getMessage()) ? "" : " (" + e.getMessage() + ")";
            throw new IllegalArgumentException("invalid cron \"" + cron + "\"" + detail + ": " + CRON_FORM);
        }
    }

    private static ZoneId zone(String zone, ZoneId serverZone) {
        if (zone == null) {
            return serverZone;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown zone \"" + zone + "\": a region such as \"Europe/Paris\" or an offset such as \"+02:00\"");
        }
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
