package io.propertyimages.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** The server's endpoints beside the REST API (health, metrics, OpenAPI), read as a probe or scraper would: no credentials. */
final class ServerEndpoints {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base = "http://127.0.0.1:" + System.getProperty("it.http.port", "9081");

    HttpResponse<String> get(String path, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the server did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    JsonObject json(String path) {
        return Json.createReader(new StringReader(get(path, "application/json").body())).readObject();
    }

    /** The health check of that name in a {@code /health} answer. */
    static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }

    /** The value of an application metric in {@code /metrics}' Prometheus text. */
    double metric(String name) {
        String text = get("/metrics?scope=application", "text/plain").body();
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*mp_scope=\"application\"[^}]*\\} (\\S+)$").matcher(text);
        if (!value.find()) {
            throw new AssertionError("no metric " + name + " in\n" + text);
        }
        return Double.parseDouble(value.group(1));
    }
}
