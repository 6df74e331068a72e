package io.propertyimages.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

/** The server's REST API as the tests use it, over plain HTTP, as the tests' admin unless told otherwise. */
final class BatchApi {
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");
    /** The users the test server has (src/test/liberty), named by the pom. */
    static final Credentials ADMIN = Credentials.of("it.admin");
    static final Credentials MONITOR = Credentials.of("it.monitor");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final Credentials credentials;

    BatchApi() {
        this(ADMIN);
    }

    /** @param credentials the user to send with HTTP Basic, or null to send none */
    BatchApi(Credentials credentials) {
        this(Integer.getInteger("it.http.port", 9081), credentials);
    }

    /** The API of the server on {@code port} (another than the Arquillian tests' one). */
    BatchApi(int port, Credentials credentials) {
        base = "http://127.0.0.1:" + port + "/api";
        this.credentials = credentials;
    }

    record Credentials(String user, String password) {
        static Credentials of(String prefix) {
            return new Credentials(System.getProperty(prefix + ".user"), System.getProperty(prefix + ".password"));
        }

        String basicAuthorization() {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    record Answer(int status, JsonValue body, HttpHeaders headers) {
        JsonObject object() {
            return body.asJsonObject();
        }

        String message() {
            return object().getString("message");
        }
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    Answer post(String path, String json) {
        return post(path, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    Answer post(String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType).POST(body));
    }

    /** Starts a job and answers its execution id; fails the test unless the server answers 201. */
    long start(String jobName, String parametersJson) {
        Answer answer = post("/jobs/" + jobName + "/start", parametersJson);
        if (answer.status() != 201) {
            throw new AssertionError("start answered " + answer.status() + ": " + answer.body());
        }
        return answer.object().getJsonNumber("executionId").longValue();
    }

    long restart(long executionId) {
        Answer answer = post("/jobexecutions/" + executionId + "/restart", "{}");
        if (answer.status() != 201) {
            throw new AssertionError("restart answered " + answer.status() + ": " + answer.body());
        }
        return answer.object().getJsonNumber("executionId").longValue();
    }

    /** A GET of a text answer; fails the test unless the server answers 200. */
    String text(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (credentials != null) {
            request.header("Authorization", credentials.basicAuthorization());
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("the server did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    JsonObject execution(long executionId) {
        return get("/jobexecutions/" + executionId).object();
    }

    /** Waits, within {@code timeout}, until the execution has ended, and answers it. */
    JsonObject awaitEnd(long executionId, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonObject execution = execution(executionId);
            if (ENDED.contains(execution.getString("batchStatus"))) {
                return execution;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("execution " + executionId + " has not ended within " + timeout + ": " + execution);
            }
            Thread.sleep(100);
        }
    }

    /**
     * Waits, within {@code timeout}, for the execution that a server started by itself as the restart of the
     * download {@code interrupted} (when it came back, or took the execution over), and answers its id.
     */
    long awaitRestartOf(long interrupted, Duration timeout) throws InterruptedException {
        long instance = execution(interrupted).getJsonNumber("jobInstanceId").longValue();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (JsonObject execution : get("/jobexecutions?jobName=download-images").body().asJsonArray()
                    .getValuesAs(JsonObject.class)) {
                long id = execution.getJsonNumber("executionId").longValue();
                if (execution.getJsonNumber("jobInstanceId").longValue() == instance && id > interrupted) {
                    return id;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no server restarted execution " + interrupted + " within " + timeout);
    }

    /** Whether the API is up: it lists the jobs. */
    boolean answers() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/jobs")).timeout(Duration.ofSeconds(5));
        if (credentials != null) {
            request.header("Authorization", credentials.basicAuthorization());
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Answer send(HttpRequest.Builder request) {
        if (credentials != null) {
            request.header("Authorization", credentials.basicAuthorization());
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonStructure body = response.body().isBlank()
                    ? JsonValue.EMPTY_JSON_OBJECT
                    : Json.createReader(new StringReader(response.body())).read();
            return new Answer(response.statusCode(), body, response.headers());
        } catch (IOException e) {
            throw new AssertionError("the server did not answer " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
