package io.propertyimages.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import io.propertyimages.testing.FileTrees;

/**
 * The benchmark of the whole {@code download-images} job on a real Open Liberty server, run by
 * {@code mvn -B -Pjob-benchmark verify}: the mixed corpus as the first job of a freshly started server, then rounds
 * of it on the warm server interleaved with the peers doing the same downloads, a re-run on the same output (all
 * cached), an input of many tiny images, and a restart after the server was killed mid-job. Prints one table and
 * the comparison of the rounds. Settings are system properties ({@link BenchmarkSettings}); the Maven profile passes
 * them.
 */
public final class JobBenchmark {
    static final String ROUNDS = "mixed, warm server";
    static final String TWO_SERVER_ROUNDS = "mixed, two servers, warm";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(30);
    private final BenchmarkSettings settings;
    private final BenchmarkServer server;
    private final ListingImageHost host;
    private final List<PeerProgram> peers;

    private JobBenchmark(BenchmarkSettings settings, ListingImageHost host, List<PeerProgram> peers) {
        this.settings = settings;
        this.server = BenchmarkServer.of(settings);
        this.host = host;
        this.peers = peers;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        BenchmarkCorpus corpus = BenchmarkCorpus.loadOrMake(settings.work().resolve("corpus"));
        System.out.println("Corpus (bytes per source): " + corpus.sizes());
        List<PeerProgram> peers = PeerProgram.installed(settings.peers(), settings.peersDir(), settings.work());
        List<RunFigures> runs = new ArrayList<>();
        try (ListingImageHost host = new ListingImageHost(settings.hostPort(), corpus)) {
            new JobBenchmark(settings, host, peers).runAll(runs);
        } finally {
            ResultTable.print(runs, System.out);
            ResultTable.printComparison(runs, ROUNDS, System.out);
            ResultTable.printTwoServers(runs, ROUNDS, TWO_SERVER_ROUNDS, System.out);
        }
    }

    /** Adds a row to {@code runs} as each run ends, so a failure leaves the rows before it. */
    private void runAll(List<RunFigures> runs) throws Exception {
        int mixedUrls = settings.properties() * settings.imagesEach();
        int latency = settings.latency();
        Path mixed = InputFiles.write(settings.work().resolve("input/mixed.json"), settings.properties(),
                settings.imagesEach(), host.baseUrl(), BenchmarkCorpus::mixedSource);
        Path tiny = InputFiles.write(settings.work().resolve("input/tiny.json"), settings.tinyUrls() / settings.imagesEach(),
                settings.imagesEach(), host.baseUrl(), n -> BenchmarkCorpus.TINY);
        FileTrees.delete(settings.imagesRoot());
        FileTrees.delete(settings.work().resolve("peers"));
        FileTrees.delete(server.directory().resolve("jobrepository"));

        try (server) {
            server.start();
            // The first job of a freshly started server runs on code that start-up has warmed, or not.
            runs.add(run(mixedUrls + " mixed, first job of the server", mixed, "first-job", latency, mixedUrls));
            String lastOutput = "first-job";
            for (int round = 1; round <= settings.rounds(); round++) {
                lastOutput = "round-" + round;
                runs.add(run(ROUNDS, mixed, lastOutput, latency, mixedUrls));
                for (PeerProgram peer : peers) {
                    runs.add(runPeer(peer, mixed, round, latency, mixedUrls));
                }
            }
            runs.add(run(mixedUrls + " mixed, re-run: cached", mixed, lastOutput, latency, mixedUrls));
            if (settings.tinyUrls() > 0) {
                runs.add(run(settings.tinyUrls() + " tiny", tiny, "tiny", 0, settings.tinyUrls()));
            }
            if (settings.restart()) {
                runs.add(restartAfterKill(mixed, mixedUrls, latency));
            }
        }
        if (settings.twoServers()) {
            runTwoServers(runs, mixed, mixedUrls, latency);
        }
    }

    /**
     * The mixed input on two servers that share a PostgreSQL job repository, started on the first: once on the fresh
     * servers, then as many rounds as on one server. A row's CPU is both servers', its memory the larger one's.
     */
    private void runTwoServers(List<RunFigures> runs, Path mixed, int mixedUrls, int latency) throws Exception {
        try (TwoServers cluster = TwoServers.start(settings, server.directory())) {
            runs.add(measureOnTwo(cluster, mixedUrls + " mixed, two servers, fresh", mixed, "two-first", latency, mixedUrls));
            for (int round = 1; round <= settings.rounds(); round++) {
                runs.add(measureOnTwo(cluster, TWO_SERVER_ROUNDS, mixed, "two-round-" + round, latency, mixedUrls));
            }
        }
    }

    private RunFigures measureOnTwo(TwoServers cluster, String scenario, Path input, String outputDir, int latency,
                                    long images) throws Exception {
        return measure(scenario, cluster.all(), latency, images, Map.of(),
                () -> cluster.first().jobs().start(parameters(input, outputDir)),
                execution -> "; partitions per server " + cluster.partitionsPerServer(execution));
    }

    private RunFigures run(String scenario, Path input, String outputDir, int latency, long images) throws Exception {
        return measure(scenario, List.of(server), latency, images, Map.of(),
                () -> server.jobs().start(parameters(input, outputDir)), execution -> "");
    }

    /** The peer doing the same downloads into a fresh folder of its own; its figures are its process's. */
    private RunFigures runPeer(PeerProgram peer, Path input, int round, int latency, long images) throws Exception {
        Path out = Files.createDirectories(settings.work().resolve("peers").resolve(peer.name() + "-" + round));
        String load = loadAverage();
        host.reset(latency);
        long startedNanos = System.nanoTime();
        long ownCpuBefore = ownCpuNanos();
        PeerProgram.Run run = peer.run(input, out);
        double ownCpu = (ownCpuNanos() - ownCpuBefore) / 1e9;
        long first = host.firstRequestNanos();
        String summary = "%s (process %.2f s)".formatted(run.summary(), run.wallSeconds());
        System.out.printf("%s %s: %s in %.2f s%n", peer.name(), ROUNDS, summary, run.ownSeconds());
        return new RunFigures(peer.name(), ROUNDS, load, latency, images, host.bytesSent(), run.ownSeconds(),
                new ProcessProbe.Figures(run.cpuSeconds(), run.peakRssMb(), Double.NaN), ownCpu, host.peakInFlight(),
                first == 0 ? Double.NaN : (first - startedNanos) / 1e9, host.meanServiceSeconds(), fetchedAgain(Map.of()),
                summary);
    }

    /**
     * Starts the mixed input, kills the server with SIGKILL once half its images were requested, starts the server
     * again and restarts the execution over REST: the row is the restarted execution, its images those the killed one
     * had not requested, "again" the images it fetched that the killed one had fetched too. Prints how many images
     * the output holds in the end.
     */
    private RunFigures restartAfterKill(Path input, long images, int latency) throws Exception {
        host.reset(latency);
        long killed = server.jobs().start(parameters(input, "restart"));
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        while (host.requests() < images / 2) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("execution " + killed + " did not reach half its images");
            }
            Thread.sleep(5);
        }
        server.kill();
        Map<String, Integer> before = host.requestsPerPath();
        System.out.printf("Killed the server after %d image requests of execution %d%n", before.size(), killed);
        server.start();
        RunFigures restarted = measure("restart after kill -9 at half", List.of(server), latency, images - before.size(),
                before, () -> server.jobs().restart(killed), execution -> "");
        System.out.printf("After the restart the output holds %d of %d images%n",
                imagesIn(settings.imagesRoot().resolve("restart")), images);
        return restarted;
    }

    private static long imagesIn(Path output) throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(file -> file.getFileName().toString().matches("img_\\d+\\.jpg")).count();
        }
    }

    /**
     * Runs the execution {@code starter} starts on the first of {@code servers}: the row's CPU is all the servers',
     * its memory the largest one's.
     */
    private RunFigures measure(String scenario, List<BenchmarkServer> servers, int latency, long images,
                               Map<String, Integer> fetchedBefore, ExecutionStarter starter, ExecutionNote note) throws Exception {
        String load = loadAverage();
        host.reset(latency);
        for (BenchmarkServer each : servers) {
            each.probe().begin();
        }
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        long ownCpuBefore = ownCpuNanos();
        JobClient jobs = servers.get(0).jobs();
        long execution = starter.start();
        JsonObject end = jobs.awaitEnd(execution, RUN_TIMEOUT);
        double cpu = 0;
        double rss = 0;
        double heap = 0;
        for (BenchmarkServer each : servers) {
            ProcessProbe.Figures figures = each.probe().end();
            cpu += figures.cpuSeconds();
            rss = Math.max(rss, figures.peakRssMb());
            heap = Math.max(heap, figures.peakHeapMb());
        }
        double ownCpu = (ownCpuNanos() - ownCpuBefore) / 1e9;
        double wall = Duration.between(started, Instant.parse(end.getString("endTime"))).toNanos() / 1e9;
        long first = host.firstRequestNanos();
        String outcome = end.getString("batchStatus") + " " + jobs.summary(execution) + note.of(execution);
        System.out.printf("%s: execution %d %s in %.2f s%n", scenario, execution, outcome, wall);
        return new RunFigures(ResultTable.PROPERTY_IMAGES, scenario, load, latency, images, host.bytesSent(), wall,
                new ProcessProbe.Figures(cpu, rss, heap), ownCpu, host.peakInFlight(),
                first == 0 ? Double.NaN : (first - startedNanos) / 1e9, host.meanServiceSeconds(), fetchedAgain(fetchedBefore),
                outcome);
    }

    /** Image URLs requested more than once since the host's last reset, or requested before, in {@code fetchedBefore}. */
    private int fetchedAgain(Map<String, Integer> fetchedBefore) {
        return (int) host.requestsPerPath().entrySet().stream()
                .filter(path -> path.getValue() > 1 || fetchedBefore.containsKey(path.getKey()))
                .count();
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private String parameters(Path input, String outputDir) {
        String chunk = settings.chunkSize().isEmpty() ? "" : ", \"chunkSize\": \"" + settings.chunkSize() + "\"";
        return "{\"input\": \"" + input + "\", \"outputDir\": \"" + outputDir + "\"" + chunk + "}";
    }

    @FunctionalInterface
    private interface ExecutionStarter {
        long start() throws Exception;
    }

    /** What a row's outcome says of its execution beyond its status and counts. */
    @FunctionalInterface
    private interface ExecutionNote {
        String of(long execution) throws Exception;
    }
}
