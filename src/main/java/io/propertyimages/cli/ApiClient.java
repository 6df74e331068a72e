package io.propertyimages.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** The server's REST API over {@code java.net.http}: JSON in and out, HTTP Basic, errors as {@link CliException}. */
final class ApiClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    /** An upload is checked through before the server answers: allow for a big file. */
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final Connection connection;

    ApiClient(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    JsonValue get(String path) {
        return send("GET", path, HttpRequest.newBuilder().GET(), ANSWER_TIMEOUT);
    }

    JsonValue post(String path, JsonObject body) {
        return send("POST", path, HttpRequest.newBuilder().header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body.toString())), ANSWER_TIMEOUT);
    }

    JsonValue delete(String path) {
        return send("DELETE", path, HttpRequest.newBuilder().DELETE(), ANSWER_TIMEOUT);
    }

    JsonValue upload(String path, Path file, String contentType) {
        BodyPublisher body;
        try {
            body = BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
        return send("POST", path, HttpRequest.newBuilder().header("Content-Type", contentType).POST(body), UPLOAD_TIMEOUT);
    }

    private JsonValue send(String method, String path, HttpRequest.Builder request, Duration timeout) {
        request.uri(URI.create(connection.api() + path)).timeout(timeout).header("Accept", "application/json");
        if (connection.user() != null) {
            String pair = connection.user() + ":" + (connection.password() == null ? "" : connection.password());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ApiErrors.ofFailure(e, connection);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.UNREACHABLE, "interrupted while waiting for the server");
        }
        JsonValue body = parse(response.body());
        if (response.statusCode() >= 400) {
            throw ApiErrors.ofAnswer(response.statusCode(), method + " /api" + path, body, response.body(), connection);
        }
        if (body == null && !response.body().isBlank()) {
            throw new CliException(ExitCodes.SERVER_ERROR, method + " /api" + path + " answered HTTP "
                    + response.statusCode() + " with something other than JSON: is " + connection.server()
                    + " a property-images server?");
        }
        return body == null ? JsonValue.NULL : body;
    }

    /** @return the body's JSON, or null when it is empty or not JSON */
    private static JsonValue parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        } catch (JsonException e) {
            return null;
        }
    }
}
