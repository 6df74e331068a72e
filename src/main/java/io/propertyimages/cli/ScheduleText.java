package io.propertyimages.cli;

import java.util.List;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

/** Schedules, as {@code GET /api/schedules} answers them, written for people. */
final class ScheduleText {
    private ScheduleText() {
    }

    static String table(List<JsonObject> schedules) {
        Table table = new Table("ID", "JOB", "WHEN", "NEXT RUN", "LAST EXECUTION");
        for (JsonObject schedule : schedules) {
            String last = schedule.get("lastExecutionId") instanceof JsonNumber id
                    ? id + " " + ExecutionText.string(schedule, "lastExecutionStatus")
                    : "";
            table.row(String.valueOf(schedule.get("id")), ExecutionText.string(schedule, "jobName"), when(schedule),
                    Formats.time(ExecutionText.string(schedule, "nextRun")), last);
        }
        return table.toString();
    }

    /** {@code cron "0 3 * * *" (Europe/Paris)} or {@code every 3600 s}. */
    static String when(JsonObject schedule) {
        String cron = ExecutionText.string(schedule, "cron");
        if (!cron.isEmpty()) {
            String zone = ExecutionText.string(schedule, "zone");
            return "cron \"" + cron + "\"" + (zone.isEmpty() ? "" : " (" + zone + ")");
        }
        return schedule.get("intervalSeconds") instanceof JsonNumber seconds ? "every " + seconds + " s" : "";
    }
}
