package io.propertyimages.api;

import java.io.StringReader;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import jakarta.batch.runtime.BatchStatus;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response.Status;

import io.propertyimages.executions.PurgeCriteria;

/**
 * The body of {@code POST /api/purge}: {@code {"olderThanDays": 30, "statuses": ["COMPLETED", …]}}, both optional,
 * checked; the executions it names are those of the statuses that ended more than {@code olderThanDays} ago.
 */
final class PurgeRequest {
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 36_500;

    private PurgeRequest() {
    }

    /** @throws ApiException 400 naming what is wrong in the body */
    static PurgeCriteria parse(String body, Instant now) {
        JsonObject request = object(body);
        for (String field : request.keySet()) {
            if (!field.equals("olderThanDays") && !field.equals("statuses")) {
                throw badRequest("unknown field \"" + field + "\"; a purge takes olderThanDays and statuses");
            }
        }
        int days = request.containsKey("olderThanDays") ? days(request.get("olderThanDays")) : DEFAULT_DAYS;
        Set<BatchStatus> statuses = request.containsKey("statuses") ? statuses(request.get("statuses")) : PurgeCriteria.ENDED;
        return new PurgeCriteria(now.minus(Duration.ofDays(days)), statuses);
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw badRequest("the body must be a JSON object, found " + value.getValueType());
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw badRequest("malformed JSON in the body: " + e.getMessage());
        }
    }

    private static int days(JsonValue value) {
        if (value instanceof JsonNumber number && number.isIntegral() && number.bigIntegerValue().signum() >= 0
                && number.bigIntegerValue().compareTo(BigInteger.valueOf(MAX_DAYS)) <= 0) {
            return number.intValue();
        }
        throw badRequest("olderThanDays must be a whole number from 0 to " + MAX_DAYS + ", found " + value);
    }

    private static Set<BatchStatus> statuses(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().isEmpty()) {
            throw badRequest("statuses must be a non-empty array of " + PurgeCriteria.ENDED + ", found " + value);
        }
        Set<BatchStatus> statuses = EnumSet.noneOf(BatchStatus.class);
        for (JsonValue element : value.asJsonArray()) {
            statuses.add(status(element));
        }
        return statuses;
    }

    private static BatchStatus status(JsonValue element) {
        String name = element instanceof JsonString string ? string.getString().strip().toUpperCase(Locale.ROOT) : "";
        BatchStatus status;
        try {
            status = BatchStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw badRequest("statuses: " + element + " is not a batch status; purgeable: " + PurgeCriteria.ENDED);
        }
        if (!PurgeCriteria.ENDED.contains(status)) {
            throw badRequest("statuses: executions " + status + " have not ended and are never purged; purgeable: "
                    + PurgeCriteria.ENDED);
        }
        return status;
    }

    private static ApiException badRequest(String message) {
        return new ApiException(Status.BAD_REQUEST, message);
    }
}
