package io.propertyimages.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DeclaredCleanupScheduleTest {
    @Test
    void isOffWhileItsCronIsEmpty() {
        assertTrue(DeclaredCleanupSchedule.definition(Map.of("maxAgeDays", "14", "dryRun", "false")::get).isEmpty());
    }

    @Test
    void runsCleanupWithTheDeclaredAgeAndDryRun() {
        Optional<ScheduleDefinition> declared = DeclaredCleanupSchedule.definition(
                Map.of("cron", "0 3 * * *", "zone", "America/Phoenix", "maxAgeDays", "30", "dryRun", "true")::get);

        assertEquals(Optional.of(new ScheduleDefinition("cleanup-images", Map.of("maxAgeDays", "30", "dryRun", "true"),
                "0 3 * * *", "America/Phoenix", null)), declared);
    }

    @Test
    void leavesEmptySettingsToTheJobsDefaultsAndTheServersZone() {
        Optional<ScheduleDefinition> declared = DeclaredCleanupSchedule.definition(Map.of("cron", "0 3 * * *")::get);

        assertEquals(Optional.of(new ScheduleDefinition("cleanup-images", Map.of(), "0 3 * * *", null, null)), declared);
    }
}
