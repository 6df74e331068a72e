import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The cluster demo, run by src/demo/run-cluster-demo.sh once two servers share one PostgreSQL job repository and one
 * images root: starts download-images on server A, shows its partitions running on both servers, kills server B with
 * SIGKILL while it runs some of them, follows A finishing the execution, and checks that every image is in its folder
 * and manifest exactly once. Exits 1 if anything of that did not hold.
 */
public class ClusterDemo {
    private static final int PROPERTIES = 10;
    private static final int IMAGES_EACH = 10;

    public static void main(String[] args) throws Exception {
        DemoApi serverA = new DemoApi(args[0]);
        DemoApi serverB = new DemoApi(args[1]);
        Path samples = Path.of(args[2]);
        Path pidFileOfB = Path.of(args[3]);
        Path imagesRoot = Path.of(args[4]);
        Path input = Path.of("target/cluster-demo/properties.json").toAbsolutePath();

        try (SampleHost imageHost = new SampleHost(samples, 0, 400)) {
            Map<String, List<String>> properties = properties(imageHost);
            Files.writeString(input, json(properties));
            System.out.println("Sample images served at " + imageHost.base() + " with 400 ms of latency; " + PROPERTIES
                    + " properties of " + IMAGES_EACH + " images in " + input);
            serverA.awaitServer();
            serverB.awaitServer();

            String id = serverA.startDownload("{\"input\": \"" + input + "\", \"outputDir\": \"cluster-demo\", \"chunkSize\": 2}");
            System.out.println("Started download-images on server A: execution " + id);
            Map<String, String> running = awaitRunningOnBoth(serverA, id);
            System.out.println("Partitions running now (partition=server): " + running + "; "
                    + Demo.progress(serverA.get("/jobexecutions/" + id).body()));
            long pid = Long.parseLong(Files.readString(pidFileOfB).strip());
            ProcessHandle b = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("server B is not running"));
            b.destroyForcibly();
            b.onExit().get(30, TimeUnit.SECONDS);
            System.out.println("Killed server B (pid " + pid + ") with SIGKILL while it ran partitions "
                    + running.entrySet().stream().filter(e -> e.getValue().equals("B")).map(Map.Entry::getKey).toList());

            String execution = follow(serverA, id);
            String status = DemoApi.field(execution, "batchStatus");
            System.out.println("Execution " + id + " ended " + status + " on server A: " + Demo.progress(execution));
            System.out.println("Which server ran each partition, in the end: " + partitionServers(serverA, id));
            System.out.println("Its log:");
            serverA.get("/jobexecutions/" + id + "/log").body().lines().forEach(line -> System.out.println("  " + line));

            List<String> problems = checkEachImageOnce(imagesRoot.resolve("cluster-demo"), properties);
            if (!status.equals("COMPLETED") || !problems.isEmpty()) {
                System.out.println("FAILED: " + (status.equals("COMPLETED") ? "" : "the execution ended " + status + "; ") + problems);
                System.exit(1);
            }
            System.out.println("Every image exactly once: " + PROPERTIES * IMAGES_EACH + " images in " + PROPERTIES
                    + " property folders, each listed once in its manifest, no stray file.");
        }
    }

    /** Properties sharing the samples, each URL its own (the host ignores the query), so none is cached. */
    private static Map<String, List<String>> properties(SampleHost host) throws IOException {
        List<String> samples = host.names();
        Map<String, List<String>> properties = new LinkedHashMap<>();
        for (int p = 1; p <= PROPERTIES; p++) {
            List<String> urls = new ArrayList<>();
            for (int i = 1; i <= IMAGES_EACH; i++) {
                urls.add(host.base() + samples.get((p + i) % samples.size()) + "?listing=" + p + "&photo=" + i);
            }
            properties.put(p + " Cluster Ct, Phoenix, AZ 85001", urls);
        }
        return properties;
    }

    private static String json(Map<String, List<String>> properties) {
        List<String> items = new ArrayList<>();
        properties.forEach((address, urls) -> items.add("  {\"address\": \"" + address + "\", \"imageUrls\": [\""
                + String.join("\", \"", urls) + "\"]}"));
        return "{\"properties\": [\n" + String.join(",\n", items) + "\n]}\n";
    }

    /**
     * Waits until partitions of the execution run on both servers and a fifth of its URLs are done (so that B's
     * partitions have checkpoints to resume from), and answers partition to server.
     */
    private static Map<String, String> awaitRunningOnBoth(DemoApi server, String id) throws Exception {
        for (int i = 0; i < 600; i++) {
            Map<String, String> running = partitionServers(server, id, true);
            String execution = server.get("/jobexecutions/" + id).body();
            String done = DemoApi.field(execution.substring(Math.max(0, execution.indexOf("\"progress\""))), "done");
            if (running.containsValue("A") && running.containsValue("B") && !done.equals("?")
                    && Integer.parseInt(done) >= PROPERTIES * IMAGES_EACH / 5) {
                return running;
            }
            String status = DemoApi.field(execution, "batchStatus");
            if (DemoApi.ended(status)) {
                throw new IllegalStateException("execution " + id + " ended " + status + " before it ran on both servers");
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the partitions of execution " + id + " did not run on both servers within a minute");
    }

    private static Map<String, String> partitionServers(DemoApi server, String id) throws Exception {
        return partitionServers(server, id, false);
    }

    /** Partition to server, from the step view; only those starting or started when {@code runningOnly}. */
    private static Map<String, String> partitionServers(DemoApi server, String id, boolean runningOnly) throws Exception {
        String steps = server.get("/jobexecutions/" + id + "/stepexecutions").body();
        Map<String, String> servers = new TreeMap<>((x, y) -> Integer.compare(Integer.parseInt(x), Integer.parseInt(y)));
        int from = steps.indexOf("\"partitions\"");
        if (from < 0) {
            return servers;
        }
        for (String partition : steps.substring(from).split("\\},\\{")) {
            String number = DemoApi.field(partition, "partition");
            String status = DemoApi.field(partition, "batchStatus");
            String ranOn = DemoApi.field(partition, "server");
            if (!number.equals("?") && !ranOn.equals("?") && (!runningOnly || status.startsWith("START"))) {
                servers.put(number, ranOn);
            }
        }
        return servers;
    }

    private static String follow(DemoApi server, String id) throws Exception {
        String last = "";
        while (true) {
            String execution = server.get("/jobexecutions/" + id).body();
            String line = DemoApi.field(execution, "batchStatus") + "  " + Demo.progress(execution);
            if (!line.equals(last)) {
                System.out.println("  " + line);
                last = line;
            }
            if (DemoApi.ended(DemoApi.field(execution, "batchStatus"))) {
                return execution;
            }
            Thread.sleep(500);
        }
    }

    /** What differs from each property's folder holding its images once, as its manifest lists them, and nothing else. */
    private static List<String> checkEachImageOnce(Path outputDir, Map<String, List<String>> properties) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> folders = Files.list(outputDir)) {
            List<Path> all = folders.sorted().toList();
            if (all.size() != properties.size()) {
                problems.add(all.size() + " folders for " + properties.size() + " properties");
            }
            for (Path folder : all) {
                String manifest = Files.readString(folder.resolve("images_manifest.json"));
                List<String> listed = DemoApi.fields(manifest, "filename");
                List<String> sources = DemoApi.fields(manifest, "source_url");
                TreeSet<String> files = new TreeSet<>();
                try (Stream<Path> inFolder = Files.list(folder)) {
                    inFolder.map(f -> f.getFileName().toString()).filter(n -> !n.equals("images_manifest.json")).forEach(files::add);
                }
                String address = DemoApi.field(manifest, "property_address");
                List<String> expected = properties.getOrDefault(address, List.of());
                if (!new TreeSet<>(listed).equals(files) || listed.size() != files.size()) {
                    problems.add(folder.getFileName() + ": manifest lists " + listed + ", folder holds " + files);
                }
                if (!sources.equals(expected)) {
                    problems.add(folder.getFileName() + ": " + sources.size() + " URLs listed, " + expected.size() + " expected once each");
                }
            }
        }
        return problems;
    }
}
