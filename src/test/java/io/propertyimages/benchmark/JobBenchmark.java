package io.propertyimages.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

/**
 * The benchmark of the whole {@code download-images} job on a real Open Liberty server, run by
 * {@code mvn -B -Pjob-benchmark verify}: a mixed corpus at each latency, a re-run on the same output (all cached),
 * an input of many tiny images, and a restart after the server was killed mid-job. Prints one table.
 * Settings are system properties ({@link BenchmarkSettings}); the Maven profile passes them.
 */
public final class JobBenchmark {
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(30);
    private final BenchmarkSettings settings;
    private final LibertyServer server;
    private final JobClient jobs;
    private final ListingImageHost host;
    private ServerProbe probe;

    private JobBenchmark(BenchmarkSettings settings, ListingImageHost host) {
        this.settings = settings;
        this.server = new LibertyServer(settings.wlp(), settings.serverName());
        this.jobs = new JobClient(settings.httpPort(), settings.adminUser(), settings.adminPassword());
        this.host = host;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        BenchmarkCorpus corpus = BenchmarkCorpus.loadOrMake(settings.work().resolve("corpus"));
        System.out.println("Corpus (bytes per source): " + corpus.sizes());
        List<RunFigures> runs = new ArrayList<>();
        try (ListingImageHost host = new ListingImageHost(settings.hostPort(), corpus)) {
            new JobBenchmark(settings, host).runAll(runs);
        } finally {
            ResultTable.print(runs, System.out);
        }
    }

    /** Adds a row to {@code runs} as each run ends, so a failure leaves the rows before it. */
    private void runAll(List<RunFigures> runs) throws Exception {
        int mixedUrls = settings.properties() * settings.imagesEach();
        Path mixed = InputFiles.write(settings.work().resolve("input/mixed.json"), settings.properties(),
                settings.imagesEach(), host.baseUrl(), BenchmarkCorpus::mixedSource);
        int warmUpProperties = Math.max(1, settings.properties() / 10);
        Path warmUp = InputFiles.write(settings.work().resolve("input/warm-up.json"), warmUpProperties,
                settings.imagesEach(), host.baseUrl(), BenchmarkCorpus::mixedSource);
        Path tiny = InputFiles.write(settings.work().resolve("input/tiny.json"), settings.tinyUrls() / settings.imagesEach(),
                settings.imagesEach(), host.baseUrl(), n -> BenchmarkCorpus.TINY);
        deleteTree(settings.imagesRoot());
        deleteTree(server.directory().resolve("jobrepository"));

        server.start();
        jobs.awaitReady();
        try {
            probe = new ServerProbe(server.pid(), server.localJmxAddress());
            // The server's first job runs on cold code (class loading, JIT): its row shows that apart from the others.
            runs.add(run(warmUpProperties * settings.imagesEach() + " mixed, warm-up", warmUp, "warm-up", 0,
                    (long) warmUpProperties * settings.imagesEach()));
            String lastOutput = null;
            List<Integer> latencies = settings.latencies();
            for (int i = 0; i < latencies.size(); i++) {
                // An output of its own for each run, so that a latency given twice runs twice on warmer code
                lastOutput = "mixed-" + (i + 1) + "-" + latencies.get(i) + "ms";
                runs.add(run(mixedUrls + " mixed", mixed, lastOutput, latencies.get(i), mixedUrls));
            }
            runs.add(run(mixedUrls + " mixed, re-run: cached", mixed, lastOutput, settings.latencies().get(settings.latencies().size() - 1), mixedUrls));
            if (settings.tinyUrls() > 0) {
                runs.add(run(settings.tinyUrls() + " tiny", tiny, "tiny", 0, settings.tinyUrls()));
            }
            if (settings.restart()) {
                runs.add(restartAfterKill(mixed, mixedUrls, settings.latencies().get(settings.latencies().size() - 1)));
            }
        } finally {
            if (probe != null) {
                probe.close();
            }
            server.stop();
        }
    }

    private RunFigures run(String scenario, Path input, String outputDir, int latency, long images) throws Exception {
        return measure(scenario, latency, images, Map.of(), () -> jobs.start(parameters(input, outputDir)));
    }

    /**
     * Starts the mixed input, kills the server with SIGKILL once half its images were requested, starts the server
     * again and restarts the execution over REST: the row is the restarted execution, its images those the killed one
     * had not requested, "again" the images it fetched that the killed one had fetched too. Prints how many images
     * the output holds in the end.
     */
    private RunFigures restartAfterKill(Path input, long images, int latency) throws Exception {
        host.reset(latency);
        long killed = jobs.start(parameters(input, "restart"));
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        while (host.requests() < images / 2) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("execution " + killed + " did not reach half its images");
            }
            Thread.sleep(5);
        }
        probe.close();
        probe = null;
        server.kill();
        Map<String, Integer> before = host.requestsPerPath();
        System.out.printf("Killed the server after %d image requests of execution %d%n", before.size(), killed);
        server.start();
        jobs.awaitReady();
        probe = new ServerProbe(server.pid(), server.localJmxAddress());
        RunFigures restarted = measure("restart after kill -9 at half", latency, images - before.size(), before,
                () -> jobs.restart(killed));
        System.out.printf("After the restart the output holds %d of %d images%n",
                imagesIn(settings.imagesRoot().resolve("restart")), images);
        return restarted;
    }

    private static long imagesIn(Path output) throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(file -> file.getFileName().toString().matches("img_\\d+\\.jpg")).count();
        }
    }

    private RunFigures measure(String scenario, int latency, long images, Map<String, Integer> fetchedBefore,
                               ExecutionStarter starter) throws Exception {
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        host.reset(latency);
        probe.begin();
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        long ownCpuBefore = ownCpuNanos();
        long execution = starter.start();
        JsonObject end = jobs.awaitEnd(execution, RUN_TIMEOUT);
        ServerProbe.Figures figures = probe.end();
        double ownCpu = (ownCpuNanos() - ownCpuBefore) / 1e9;
        double wall = Duration.between(started, Instant.parse(end.getString("endTime"))).toNanos() / 1e9;
        long first = host.firstRequestNanos();
        Map<String, Integer> requested = host.requestsPerPath();
        int again = (int) requested.entrySet().stream()
                .filter(path -> path.getValue() > 1 || fetchedBefore.containsKey(path.getKey()))
                .count();
        String outcome = end.getString("batchStatus") + " " + jobs.summary(execution);
        System.out.printf("%s: execution %d %s in %.2f s%n", scenario, execution, outcome, wall);
        return new RunFigures(scenario, load, latency, images, host.bytesSent(), wall, figures, ownCpu, host.peakInFlight(),
                first == 0 ? Double.NaN : (first - startedNanos) / 1e9, host.meanServiceSeconds(), again, outcome);
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private String parameters(Path input, String outputDir) {
        String chunk = settings.chunkSize().isEmpty() ? "" : ", \"chunkSize\": \"" + settings.chunkSize() + "\"";
        return "{\"input\": \"" + input + "\", \"outputDir\": \"" + outputDir + "\"" + chunk + "}";
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @FunctionalInterface
    private interface ExecutionStarter {
        long start() throws Exception;
    }
}
