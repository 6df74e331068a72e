package io.propertyimages.executions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class JobLogLineTest {
    @Test
    void aLineIsTimeLevelPaddedToLineUpAndMessage() {
        Instant at = Instant.parse("2026-11-24T12:00:01.204Z");

        assertEquals("2026-11-24T12:00:01.204Z INFO    Started", new JobLogLine(at, "INFO", "Started").toString());
        assertEquals("2026-11-24T12:00:01.204Z WARNING Failed", new JobLogLine(at, "WARNING", "Failed").toString());
    }
}
