import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;

/**
 * The end-to-end demo, run by src/demo/run-demo.sh: serves the bundled sample images on 127.0.0.1, writes an input
 * file of properties that point at them, starts download-images over the REST API, follows it to the end and says
 * where the images and manifests are, as the admin named by ADMIN_USER and ADMIN_PASSWORD in the environment. Needs
 * nothing but the JDK.
 */
public class Demo {
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"([^\"]*)\"|-?\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString(
            (System.getenv().getOrDefault("ADMIN_USER", "admin") + ":" + System.getenv().getOrDefault("ADMIN_PASSWORD", ""))
                    .getBytes(StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        String api = (args.length > 0 ? args[0] : "http://127.0.0.1:9080") + "/api";
        Path samples = Path.of(args.length > 1 ? args[1] : "src/demo/samples").toAbsolutePath();
        Path input = Path.of("target/demo/properties.json").toAbsolutePath();

        HttpServer imageHost = serve(samples);
        try {
            String base = "http://127.0.0.1:" + imageHost.getAddress().getPort() + "/";
            Files.createDirectories(input.getParent());
            Files.writeString(input, inputFor(base, sampleNames(samples)));
            System.out.println("Sample images served at " + base + "; input written to " + input);

            awaitServer(api);
            String execution = runJob(api, input);
            System.out.println("\nThe same input again: every image is in the cache now.");
            runJob(api, input);
            Path outputDir = Path.of(field(execution, "outputDir"));
            System.out.println("Images and manifests are in " + outputDir + ":");
            try (Stream<Path> folders = Files.list(outputDir)) {
                folders.sorted().forEach(folder -> System.out.println("  " + folder.getFileName() + "/  "
                        + count(folder) + " images, manifest " + folder.resolve("images_manifest.json")));
            }
        } finally {
            imageHost.stop(0);
        }
    }

    /** Starts download-images on the input, follows it to the end, and answers the ended execution. */
    private static String runJob(String api, Path input) throws IOException, InterruptedException {
        HttpResponse<String> start = post(api + "/jobs/download-images/start", "{\"input\": \"" + input + "\"}");
        if (start.statusCode() != 201) {
            throw new IllegalStateException("start answered " + start.statusCode() + ": " + start.body());
        }
        String id = field(start.body(), "executionId");
        System.out.println("Started download-images, execution " + id + " (" + api + "/jobexecutions/" + id + ")");
        String status;
        String execution;
        do {
            Thread.sleep(200);
            execution = get(api + "/jobexecutions/" + id).body();
            status = field(execution, "batchStatus");
            System.out.println("  " + status + "  " + progress(get(api + "/jobexecutions/" + id + "/stepexecutions").body()));
        } while (!List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(status));
        String step = get(api + "/jobexecutions/" + id + "/stepexecutions").body();
        Duration took = Duration.between(Instant.parse(field(execution, "startTime")), Instant.parse(field(execution, "endTime")));
        System.out.printf(Locale.ROOT, "Execution %s ended %s (exit status %s) in %.2f s: %s%n", id, status,
                field(execution, "exitStatus"), took.toMillis() / 1000.0, field(step, "exitStatus"));
        return execution;
    }

    private static HttpServer serve(Path samples) throws IOException {
        // A fixed port keeps the sample URLs the same from one demo run to the next, so a later run finds them cached.
        int port = Integer.parseInt(System.getenv().getOrDefault("DEMO_IMAGES_PORT", "9079"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 20);
        server.createContext("/", exchange -> {
            Path file = samples.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            try (exchange) {
                if (!file.startsWith(samples) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return server;
    }

    private static List<String> sampleNames(Path samples) throws IOException {
        try (Stream<Path> files = Files.list(samples)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches(".*\\.(jpg|png|webp)")).sorted().toList();
        }
    }

    /** Three homes sharing the samples, one of them with a link that has gone dead. */
    private static String inputFor(String base, List<String> samples) {
        String[] addresses = {"123 Main St, Phoenix, AZ 85001", "4567 E Camelback Rd, Scottsdale, AZ 85251",
                "89 W Desert Willow Dr, Tempe, AZ 85284"};
        List<String> properties = new ArrayList<>();
        for (int p = 0; p < addresses.length; p++) {
            List<String> urls = new ArrayList<>();
            for (int i = p; i < samples.size() + p; i++) {
                urls.add("\"" + base + samples.get(i % samples.size()) + "\"");
            }
            if (p == 2) {
                urls.add("\"" + base + "sold-listing-removed.jpg\"");
            }
            properties.add("    {\"address\": \"" + addresses[p] + "\", \"imageUrls\": [" + String.join(", ", urls) + "]}");
        }
        return "{\"properties\": [\n" + String.join(",\n", properties) + "\n]}\n";
    }

    private static void awaitServer(String api) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            try {
                int status = get(api + "/jobs").statusCode();
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

    /** Sums the partitions' metrics: URLs read, images written, cached (filtered) and failed (skipped). */
    private static String progress(String steps) {
        long read = sum(steps, "READ_COUNT");
        long written = sum(steps, "WRITE_COUNT");
        long cached = sum(steps, "FILTER_COUNT");
        long failed = sum(steps, "PROCESS_SKIP_COUNT");
        return "read " + read + ", downloaded " + written + ", cached " + cached + ", failed " + failed;
    }

    private static long sum(String json, String metric) {
        int partitions = json.indexOf("\"partitions\"");
        Matcher m = Pattern.compile("\"" + metric + "\"\\s*:\\s*(\\d+)").matcher(partitions < 0 ? json : json.substring(partitions));
        long total = 0;
        while (m.find()) {
            total += Long.parseLong(m.group(1));
        }
        return total;
    }

    private static long count(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jpg")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(3) != null ? m.group(3) : m.group(2);
            }
        }
        return "?";
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", AUTHORIZATION).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", AUTHORIZATION).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
