package io.propertyimages.schedule;

import java.time.Instant;

/**
 * A stored schedule: its definition, when it runs next, what its last run started (or why it could not), and, for
 * one the server configuration declares, the name it is declared under ({@code null} for one created over REST).
 */
public record Schedule(long id, ScheduleDefinition definition, Instant nextRun, Instant lastRun, Long lastExecutionId,
                       String lastError, String declaredAs) {
}
