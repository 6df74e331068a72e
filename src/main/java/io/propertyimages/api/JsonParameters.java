package io.propertyimages.api;

import java.io.StringReader;
import java.util.Properties;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.Response.Status;

/** Reads a request body of job parameters: a JSON object whose values are strings, numbers or booleans. */
final class JsonParameters {
    private JsonParameters() {
    }

    static Properties parse(String body) {
        if (body == null || body.isBlank()) {
            return new Properties();
        }
        JsonObject object;
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new ApiException(Status.BAD_REQUEST, "the body must be a JSON object of job parameters, found " + value.getValueType());
            }
            object = value.asJsonObject();
        } catch (JsonParsingException e) {
            throw new ApiException(Status.BAD_REQUEST, "malformed JSON in the body (line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber() + "): " + e.getMessage());
        } catch (JsonException e) {
            throw new ApiException(Status.BAD_REQUEST, "malformed JSON in the body: " + e.getMessage());
        }
        return of(object);
    }

    /** The job parameters in a JSON object such as a request's {@code jobParameters}. */
    static Properties of(JsonObject object) {
        Properties parameters = new Properties();
        object.forEach((name, value) -> parameters.setProperty(name, scalar(name, value)));
        return parameters;
    }

    private static String scalar(String name, JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER, TRUE, FALSE -> value.toString();
            default -> throw new ApiException(Status.BAD_REQUEST,
                    "job parameter \"" + name + "\" must be a string, number or boolean, found " + value.getValueType());
        };
    }
}
