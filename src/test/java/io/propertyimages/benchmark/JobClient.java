package io.propertyimages.benchmark;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * {@code download-images} over the server's REST API, as its admin (HTTP Basic): wait for the application, start,
 * restart, follow to the end, read the summary.
 */
final class JobClient {
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");
    /** The wall time comes from the execution's end time, so polling more often would only load the server. */
    private static final Duration POLL = Duration.ofMillis(100);
    private final HttpClient http = HttpClient.newHttpClient();
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private final String api;
    private final String authorization;

    JobClient(int httpPort, String user, String password) {
        api = "http://127.0.0.1:" + httpPort + "/api";
        authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Waits until the application answers, after the server was started. */
    void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> response = http.send(request("/jobs").timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the application did not answer " + api + "/jobs within " + READY_TIMEOUT);
    }

    /** Starts {@code download-images} with these parameters, as JSON members, and answers the execution id. */
    long start(String parametersJson) throws IOException, InterruptedException {
        return executionId(post("/jobs/download-images/start", parametersJson));
    }

    long restart(long executionId) throws IOException, InterruptedException {
        return executionId(post("/jobexecutions/" + executionId + "/restart", "{}"));
    }

    /** Waits, within {@code timeout}, until the execution has ended, and answers it. */
    JsonObject awaitEnd(long executionId, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonObject execution = get("/jobexecutions/" + executionId).asJsonObject();
            if (ENDED.contains(execution.getString("batchStatus"))) {
                return execution;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("execution " + executionId + " has not ended within " + timeout);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The step's exit status: {@code downloaded=… cached=… failed=… bytes=…}. */
    String summary(long executionId) throws IOException, InterruptedException {
        JsonArray steps = get("/jobexecutions/" + executionId + "/stepexecutions").asJsonArray();
        return steps.isEmpty() ? "no step" : steps.getJsonObject(0).getString("exitStatus", "");
    }

    private long executionId(JsonObject answer) {
        return answer.getJsonNumber("executionId").longValue();
    }

    private JsonObject post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    JsonValue get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path)
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readValue();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", authorization);
    }
}
