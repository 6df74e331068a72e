import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The end-to-end demo, run by src/demo/run-demo.sh: serves the bundled sample images on 127.0.0.1, writes an input
 * file of properties that point at them, starts download-images over the REST API, follows it to the end and says
 * where the images and manifests are, as the admin named by ADMIN_USER and ADMIN_PASSWORD in the environment. Needs
 * nothing but the JDK.
 */
public class Demo {
    public static void main(String[] args) throws Exception {
        DemoApi server = new DemoApi(args.length > 0 ? args[0] : "http://127.0.0.1:9080");
        Path samples = Path.of(args.length > 1 ? args[1] : "src/demo/samples");
        Path input = Path.of("target/demo/properties.json").toAbsolutePath();

        int port = Integer.parseInt(System.getenv().getOrDefault("DEMO_IMAGES_PORT", "9079"));
        try (SampleHost imageHost = new SampleHost(samples, port, 0)) {
            Files.createDirectories(input.getParent());
            Files.writeString(input, inputFor(imageHost.base(), imageHost.names()));
            System.out.println("Sample images served at " + imageHost.base() + "; input written to " + input);

            server.awaitServer();
            String execution = runJob(server, input);
            System.out.println("\nThe same input again: every image is in the cache now.");
            runJob(server, input);
            Path outputDir = Path.of(DemoApi.field(execution, "outputDir"));
            System.out.println("Images and manifests are in " + outputDir + ":");
            try (Stream<Path> folders = Files.list(outputDir)) {
                folders.sorted().forEach(folder -> System.out.println("  " + folder.getFileName() + "/  "
                        + count(folder) + " images, manifest " + folder.resolve("images_manifest.json")));
            }
        }
    }

    /** Starts download-images on the input, follows it to the end, and answers the ended execution. */
    private static String runJob(DemoApi server, Path input) throws IOException, InterruptedException {
        String id = server.startDownload("{\"input\": \"" + input + "\"}");
        System.out.println("Started download-images, execution " + id + " (" + server.api + "/jobexecutions/" + id + ")");
        String status;
        String execution;
        do {
            Thread.sleep(200);
            execution = server.get("/jobexecutions/" + id).body();
            status = DemoApi.field(execution, "batchStatus");
            System.out.println("  " + status + "  " + progress(execution));
        } while (!DemoApi.ended(status));
        String step = server.get("/jobexecutions/" + id + "/stepexecutions").body();
        Duration took = Duration.between(Instant.parse(DemoApi.field(execution, "startTime")),
                Instant.parse(DemoApi.field(execution, "endTime")));
        System.out.printf(Locale.ROOT, "Execution %s ended %s (exit status %s) in %.2f s: %s%n", id, status,
                DemoApi.field(execution, "exitStatus"), took.toMillis() / 1000.0, DemoApi.field(step, "exitStatus"));
        return execution;
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

    /** The execution's progress: URLs done of its total, downloaded, cached and failed. */
    static String progress(String execution) {
        int at = execution.indexOf("\"progress\"");
        if (at < 0) {
            return "reading its input";
        }
        String progress = execution.substring(at);
        return DemoApi.field(progress, "done") + " of " + DemoApi.field(progress, "total") + " URLs: downloaded "
                + DemoApi.field(progress, "downloaded") + ", cached " + DemoApi.field(progress, "cached") + ", failed "
                + DemoApi.field(progress, "failed");
    }

    private static long count(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jpg")).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
