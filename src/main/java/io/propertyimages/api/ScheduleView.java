package io.propertyimages.api;

import java.time.Instant;
import java.util.Map;

import jakarta.json.bind.annotation.JsonbNillable;

/**
 * A schedule as the API shows it: its definition, its next run, its last run and the execution that run started
 * (with that execution's batch status), or why the last run started none; {@code declaredAs} names a schedule that
 * the server configuration declares. Every field is shown, null when it has none, so clients find the keys they expect.
 */
@JsonbNillable
public record ScheduleView(
        long id,
        String jobName,
        Map<String, String> jobParameters,
        String cron,
        String zone,
        Long intervalSeconds,
        Instant nextRun,
        Instant lastRun,
        Long lastExecutionId,
        String lastExecutionStatus,
        String lastError,
        String declaredAs,
        String href) {
}
