package io.propertyimages.benchmark;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The benchmark's one table: a row per run. */
final class ResultTable {
    private static final String HEADER = "%-30s %5s %5s %7s %7s %7s %7s %7s %5s %5s %6s %6s %6s %6s %6s %7s %7s %7s %6s %5s  %s%n";
    private static final String ROW = "%-30s %5s %5d %7d %7.1f %7.2f %7.1f %7.1f %5.2f %5.2f %6.2f %6.0f %6.0f %6d %6.3f %7.2f %7.1f %7.1f %6.2f %5d  %s%n";

    private ResultTable() {
    }

    static void print(List<RunFigures> runs, PrintStream out) {
        out.printf(Locale.ROOT, HEADER, "run", "load", "lat", "images", "MB in", "wall s", "img/s", "CPU s",
                "cores", "bench", "ms/img", "RSS MB", "heapMB", "flight", "1st s", "svc ms", "conc/s", "CPU/s", "of min", "again",
                "step summary");
        for (RunFigures run : runs) {
            out.printf(Locale.ROOT, ROW, run.scenario(), run.load(), run.latencyMillis(), run.images(),
                    run.bytesIn() / 1e6, run.wallSeconds(), run.imagesPerSecond(), run.server().cpuSeconds(),
                    run.coresBusy(), run.benchmarkCoresBusy(), run.cpuMillisPerImage(), run.server().peakRssMb(), run.server().peakHeapMb(), run.peakInFlight(),
                    run.firstRequestSeconds(), run.serviceSeconds() * 1000, run.concurrencyBound(), run.cpuBound(),
                    run.ofBound(), run.fetchedAgain(), run.summary());
        }
        out.println("""
                lat: latency per image response (ms); wall s: start request to the execution's end time; cores: server \
                CPU s over wall s; bench: cores this benchmark's process (image host, client) kept busy on the same machine; ms/img: server CPU per image; RSS, heap: peaks sampled every %d ms; flight: peak image requests in flight; 1st s: \
                start request to first image request; svc ms: mean time the host spent answering beyond the latency; \
                conc/s: 5 / (latency + svc); CPU/s: %d cores / CPU per image; of min: img/s over the lower bound; \
                again: image URLs requested more than once (after a restart: also before the kill); load: 1-min load \
                average at the run's start.""".formatted(ServerProbe.SAMPLE_MILLIS, Runtime.getRuntime().availableProcessors()));
    }
}
