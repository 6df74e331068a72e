package io.propertyimages.executions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ExecutionProgressTest {
    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void doneIsEverythingHandledAndTheRateIsPerSecondSinceTheStart() {
        ExecutionProgress progress = ExecutionProgress.of(40, 6, 3, 1, 52_000, START, START.plusSeconds(4));

        assertEquals(new ExecutionProgress(40, 10, 6, 3, 1, 52_000, 2.5), progress);
    }

    @Test
    void rateIsRoundedToTwoDecimals() {
        assertEquals(3.33, ExecutionProgress.rate(10, START, START.plusSeconds(3)));
        assertEquals(1500.0, ExecutionProgress.rate(3, START, START.plusMillis(2)));
    }

    @Test
    void rateIsZeroBeforeAnyTimePassed() {
        assertEquals(0.0, ExecutionProgress.rate(5, START, START));
        assertEquals(0.0, ExecutionProgress.rate(5, START, START.minusSeconds(1)), "a clock set back does not make it negative");
    }
}
