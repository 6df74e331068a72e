import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server's REST API as the demos use it, as the admin named by ADMIN_USER and ADMIN_PASSWORD in the environment,
 * with JSON read by pattern: the demos need nothing but the JDK.
 */
final class DemoApi {
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"([^\"]*)\"|-?\\d+)");
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString(
            (System.getenv().getOrDefault("ADMIN_USER", "admin") + ":" + System.getenv().getOrDefault("ADMIN_PASSWORD", ""))
                    .getBytes(StandardCharsets.UTF_8));

    final String api;

    /** @param server the server's address, such as http://127.0.0.1:9080 */
    DemoApi(String server) {
        this.api = server + "/api";
    }

    /** Waits until the server answers the admin, for up to two minutes. */
    void awaitServer() throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            try {
                int status = get("/jobs").statusCode();
                if (status == 200) {
                    return;
                }
                if (status == 401 || status == 403) {
                    throw new IllegalStateException("the server refused the admin's credentials (" + status
                            + "): is it running with another ADMIN_PASSWORD?");
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not answer at " + api + " within 2 minutes");
    }

    /** Starts download-images with these job parameters (a JSON object) and answers the execution's id. */
    String startDownload(String parametersJson) throws IOException, InterruptedException {
        HttpResponse<String> start = post("/jobs/download-images/start", parametersJson);
        if (start.statusCode() != 201) {
            throw new IllegalStateException("start answered " + start.statusCode() + ": " + start.body());
        }
        return field(start.body(), "executionId");
    }

    static boolean ended(String status) {
        return ENDED.contains(status);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", AUTHORIZATION).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", AUTHORIZATION).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The first string or number field of that name in the JSON, "?" when there is none. */
    static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(3) != null ? m.group(3) : m.group(2);
            }
        }
        return "?";
    }

    /** Every string or number field of that name in the JSON, in order. */
    static List<String> fields(String json, String name) {
        List<String> values = new ArrayList<>();
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                values.add(m.group(3) != null ? m.group(3) : m.group(2));
            }
        }
        return values;
    }
}
