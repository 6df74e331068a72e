package io.propertyimages.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import jakarta.batch.runtime.BatchStatus;
import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.propertyimages.executions.PurgeCriteria;

class PurgeRequestTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void anEmptyBodyPurgesEveryEndedExecutionOlderThan30Days() {
        PurgeCriteria expected = new PurgeCriteria(NOW.minus(Duration.ofDays(30)), PurgeCriteria.ENDED);

        assertEquals(expected, PurgeRequest.parse("", NOW));
        assertEquals(expected, PurgeRequest.parse("{}", NOW));
    }

    @Test
    void daysAndStatusesAreTaken() {
        assertEquals(new PurgeCriteria(NOW, EnumSet.of(BatchStatus.FAILED, BatchStatus.STOPPED)),
                PurgeRequest.parse("{\"olderThanDays\": 0, \"statuses\": [\"failed\", \"STOPPED\"]}", NOW));
    }

    @Test
    void mistakesAreABadRequestNamingThem() {
        assertBadRequest("olderThanDays must be a whole number from 0 to 36500, found -1", "{\"olderThanDays\": -1}");
        assertBadRequest("olderThanDays must be a whole number from 0 to 36500, found 1.5", "{\"olderThanDays\": 1.5}");
        assertBadRequest("olderThanDays must be a whole number from 0 to 36500, found \"7\"", "{\"olderThanDays\": \"7\"}");
        assertBadRequest("statuses: executions STARTED have not ended and are never purged; purgeable: [STOPPED, FAILED, COMPLETED, ABANDONED]",
                "{\"statuses\": [\"COMPLETED\", \"STARTED\"]}");
        assertBadRequest("statuses: \"DONE\" is not a batch status; purgeable: [STOPPED, FAILED, COMPLETED, ABANDONED]",
                "{\"statuses\": [\"DONE\"]}");
        assertBadRequest("statuses must be a non-empty array of [STOPPED, FAILED, COMPLETED, ABANDONED], found []", "{\"statuses\": []}");
        assertBadRequest("unknown field \"olderThan\"; a purge takes olderThanDays and statuses", "{\"olderThan\": 3}");
        assertBadRequest("the body must be a JSON object, found ARRAY", "[]");
    }

    private static void assertBadRequest(String message, String body) {
        ApiException e = assertThrows(ApiException.class, () -> PurgeRequest.parse(body, NOW));
        assertEquals(Status.BAD_REQUEST, e.status());
        assertEquals(message, e.getMessage());
    }
}
