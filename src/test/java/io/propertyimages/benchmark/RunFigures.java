package io.propertyimages.benchmark;

/**
 * What one run measured, of the job on a server or of a peer, and the two limits on its rate: the concurrency bound,
 * 5 downloads in flight each taking the latency plus the host's service time, and the CPU bound, the cores over the
 * CPU seconds per image.
 *
 * @param process CPU seconds, peak RSS and peak heap (NaN for a peer) of the process that did the work
 */
record RunFigures(String system, String scenario, String load, int latencyMillis, long images, long bytesIn,
                  double wallSeconds, ProcessProbe.Figures process, double benchmarkCpuSeconds, int peakInFlight,
                  double firstRequestSeconds, double serviceSeconds, int fetchedAgain, String summary) {
    static final int DOWNLOADS_IN_FLIGHT = 5;

    double imagesPerSecond() {
        return images / wallSeconds;
    }

    /** Cores the process kept busy on average; on a quiet machine, near the core count when the CPU binds. */
    double coresBusy() {
        return process.cpuSeconds() / wallSeconds;
    }

    /** Cores this benchmark's own process (image host, REST client, probe) kept busy beside it. */
    double benchmarkCoresBusy() {
        return benchmarkCpuSeconds / wallSeconds;
    }

    double cpuMillisPerImage() {
        return process.cpuSeconds() * 1000 / images;
    }

    /** NaN when no image was requested. */
    double concurrencyBound() {
        return serviceSeconds == 0 ? Double.NaN : DOWNLOADS_IN_FLIGHT / (latencyMillis / 1000.0 + serviceSeconds);
    }

    double cpuBound() {
        return Runtime.getRuntime().availableProcessors() / (process.cpuSeconds() / images);
    }

    /** The achieved rate over the lower bound. */
    double ofBound() {
        double bound = Double.isNaN(concurrencyBound()) ? cpuBound() : Math.min(concurrencyBound(), cpuBound());
        return imagesPerSecond() / bound;
    }
}
