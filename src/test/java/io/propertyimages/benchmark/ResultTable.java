package io.propertyimages.benchmark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The benchmark's table, a row per run, and the comparison of the interleaved rounds: medians and ratios. */
final class ResultTable {
    static final String PROPERTY_IMAGES = "property-images";
    private static final String HEADER = "%-15s %-34s %5s %4s %6s %6s %6s %6s %6s %5s %5s %6s %6s %6s %6s %6s %6s %7s %7s %6s %5s  %s%n";
    private static final String ROW = "%-15s %-34s %5s %4d %6d %6.1f %6.2f %6.1f %6.1f %5.2f %5.2f %6.2f %6.0f %6.0f %6d %6.3f %6.2f %7.1f %7.1f %6.2f %5d  %s%n";

    private ResultTable() {
    }

    static void print(List<RunFigures> runs, PrintStream out) {
        out.printf(Locale.ROOT, HEADER, "system", "run", "load", "lat", "images", "MB in", "wall s", "img/s", "CPU s",
                "cores", "bench", "ms/img", "RSS MB", "heapMB", "flight", "1st s", "svc ms", "conc/s", "CPU/s", "of min",
                "again", "summary");
        for (RunFigures run : runs) {
            out.printf(Locale.ROOT, ROW, run.system(), run.scenario(), run.load(), run.latencyMillis(), run.images(),
                    run.bytesIn() / 1e6, run.wallSeconds(), run.imagesPerSecond(), run.process().cpuSeconds(),
                    run.coresBusy(), run.benchmarkCoresBusy(), run.cpuMillisPerImage(), run.process().peakRssMb(),
                    run.process().peakHeapMb(), run.peakInFlight(), run.firstRequestSeconds(), run.serviceSeconds() * 1000,
                    run.concurrencyBound(), run.cpuBound(), run.ofBound(), run.fetchedAgain(), run.summary());
        }
        out.println("""
                lat: latency per image response (ms); wall s: start request to the execution's end time (a peer: the \
                time it reports itself, from after its input is read to its last write; its process's whole life is \
                in its summary); cores: CPU s over wall s; bench: cores this benchmark's process (image host, client) \
                kept busy on the same machine; ms/img: CPU per image of the server, or of the peer's process; RSS, \
                heap: peaks sampled every %d ms; flight: peak image requests in flight; 1st s: start to first image \
                request; svc ms: mean time the host spent answering beyond the latency; conc/s: 5 / (latency + svc); \
                CPU/s: %d cores / CPU per image; of min: img/s over the lower bound; again: image URLs requested more \
                than once (after a restart: also before the kill); load: 1-min load average at the run's start."""
                .formatted(ProcessProbe.SAMPLE_MILLIS, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * For each system, the medians of its interleaved rounds (the runs whose scenario is {@code rounds}), and how many
     * times longer each peer took, and how much more CPU per image it spent, than property-images.
     */
    static void printComparison(List<RunFigures> runs, String rounds, PrintStream out) {
        Map<String, List<RunFigures>> bySystem = new LinkedHashMap<>();
        runs.stream().filter(run -> run.scenario().equals(rounds))
                .forEach(run -> bySystem.computeIfAbsent(run.system(), system -> new ArrayList<>()).add(run));
        if (bySystem.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "%nMedians of the interleaved rounds (%s):%n", rounds);
        out.printf(Locale.ROOT, "%-15s %6s %8s %15s %8s %8s %8s%n", "system", "rounds", "wall s", "(min-max)", "ms/img",
                "RSS MB", "img/s");
        for (Map.Entry<String, List<RunFigures>> system : bySystem.entrySet()) {
            List<RunFigures> of = system.getValue();
            out.printf(Locale.ROOT, "%-15s %6d %8.2f %15s %8.2f %8.0f %8.1f%n", system.getKey(), of.size(),
                    median(of, RunFigures::wallSeconds), "(%.2f-%.2f)".formatted(min(of, RunFigures::wallSeconds), max(of, RunFigures::wallSeconds)),
                    median(of, RunFigures::cpuMillisPerImage), median(of, run -> run.process().peakRssMb()),
                    median(of, RunFigures::imagesPerSecond));
        }
        List<RunFigures> ours = bySystem.get(PROPERTY_IMAGES);
        if (ours == null) {
            return;
        }
        double wall = median(ours, RunFigures::wallSeconds);
        double cpu = median(ours, RunFigures::cpuMillisPerImage);
        for (Map.Entry<String, List<RunFigures>> peer : bySystem.entrySet()) {
            if (!peer.getKey().equals(PROPERTY_IMAGES)) {
                out.printf(Locale.ROOT, "%s / %s: wall %.2fx, CPU per image %.2fx%n", peer.getKey(), PROPERTY_IMAGES,
                        median(peer.getValue(), RunFigures::wallSeconds) / wall,
                        median(peer.getValue(), RunFigures::cpuMillisPerImage) / cpu);
            }
        }
    }

    /** The two-server rounds against the one-server rounds: the wall time that sharing the work costs on one machine. */
    static void printTwoServers(List<RunFigures> runs, String oneServer, String twoServers, PrintStream out) {
        List<RunFigures> one = runs.stream().filter(run -> run.system().equals(PROPERTY_IMAGES) && run.scenario().equals(oneServer)).toList();
        List<RunFigures> two = runs.stream().filter(run -> run.scenario().equals(twoServers)).toList();
        if (one.isEmpty() || two.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "two servers / one server (medians): wall %.2fx (%.2f against %.2f s), CPU per image %.2fx%n",
                median(two, RunFigures::wallSeconds) / median(one, RunFigures::wallSeconds), median(two, RunFigures::wallSeconds),
                median(one, RunFigures::wallSeconds), median(two, RunFigures::cpuMillisPerImage) / median(one, RunFigures::cpuMillisPerImage));
    }

    private static double median(List<RunFigures> runs, ToDoubleFunction<RunFigures> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static double min(List<RunFigures> runs, ToDoubleFunction<RunFigures> figure) {
        return runs.stream().mapToDouble(figure).min().orElse(Double.NaN);
    }

    private static double max(List<RunFigures> runs, ToDoubleFunction<RunFigures> figure) {
        return runs.stream().mapToDouble(figure).max().orElse(Double.NaN);
    }
}
