package io.propertyimages.executions;

import java.time.Instant;

/** One line of an execution's log. */
public record JobLogLine(Instant loggedAt, String level, String message) {
    /** {@code 2026-11-24T12:00:01.204Z INFO    message}: the level padded, so messages line up. */
    @Override
    public String toString() {
        return loggedAt + " " + String.format("%-7s", level) + " " + message;
    }
}
