package io.propertyimages.api;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.Response.Status;

import io.propertyimages.schedule.ScheduleDefinition;

/** Reads the body of {@code POST /api/schedules} as it was sent; {@link ScheduleRules} checks what it asks for. */
final class ScheduleRequest {
    private static final List<String> FIELDS = List.of("jobName", "jobParameters", "cron", "zone", "intervalSeconds");

    private ScheduleRequest() {
    }

    static ScheduleDefinition parse(String body) {
        JsonObject object = object(body);
        for (String name : object.keySet()) {
            if (!FIELDS.contains(name)) {
                throw badRequest("unknown field \"" + name + "\"; a schedule has " + String.join(", ", FIELDS));
            }
        }
        return new ScheduleDefinition(string(object, "jobName"), parameters(object), string(object, "cron"),
                string(object, "zone"), intervalSeconds(object));
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw badRequest("the body must be a JSON object: {\"jobName\": …, \"jobParameters\": {…}, \"cron\": … or \"intervalSeconds\": …}");
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw badRequest("the body must be a JSON object, found " + value.getValueType());
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            throw badRequest("malformed JSON in the body (line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber() + "): " + e.getMessage());
        } catch (JsonException e) {
            throw badRequest("malformed JSON in the body: " + e.getMessage());
        }
    }

    private static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw badRequest("\"" + name + "\" must be a string, found " + value.getValueType());
    }

    private static Map<String, String> parameters(JsonObject object) {
        JsonValue value = object.get("jobParameters");
        Map<String, String> parameters = new TreeMap<>();
        if (value == null || value == JsonValue.NULL) {
            return parameters;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw badRequest("\"jobParameters\" must be a JSON object, found " + value.getValueType());
        }
        JsonParameters.of(value.asJsonObject()).forEach((name, parameter) -> parameters.put((String) name, (String) parameter));
        return parameters;
    }

    private static Long intervalSeconds(JsonObject object) {
        JsonValue value = object.get("intervalSeconds");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw badRequest("\"intervalSeconds\" is too large: " + number);
            }
        }
        throw badRequest("\"intervalSeconds\" must be a whole number of seconds, found " + value);
    }

    private static ApiException badRequest(String message) {
        return new ApiException(Status.BAD_REQUEST, message);
    }
}
