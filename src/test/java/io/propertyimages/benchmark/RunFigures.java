package io.propertyimages.benchmark;

/**
 * What one run of the job measured, and the two limits on its rate: the concurrency bound, 5 downloads in flight
 * each taking the latency plus the host's service time, and the CPU bound, the cores over the server's CPU
 * seconds per image.
 */
record RunFigures(String scenario, String load, int latencyMillis, long images, long bytesIn, double wallSeconds,
                  ServerProbe.Figures server, double benchmarkCpuSeconds, int peakInFlight, double firstRequestSeconds, double serviceSeconds,
                  int fetchedAgain, String summary) {
    static final int DOWNLOADS_IN_FLIGHT = 5;

    double imagesPerSecond() {
        return images / wallSeconds;
    }

    /** Cores the server kept busy on average; on a quiet machine, near the core count when the CPU binds. */
    double coresBusy() {
        return server.cpuSeconds() / wallSeconds;
    }

    /** Cores this benchmark's own process (image host, REST client, probe) kept busy beside the server. */
    double benchmarkCoresBusy() {
        return benchmarkCpuSeconds / wallSeconds;
    }

    double cpuMillisPerImage() {
        return server.cpuSeconds() * 1000 / images;
    }

    /** NaN when no image was requested. */
    double concurrencyBound() {
        return serviceSeconds == 0 ? Double.NaN : DOWNLOADS_IN_FLIGHT / (latencyMillis / 1000.0 + serviceSeconds);
    }

    double cpuBound() {
        return Runtime.getRuntime().availableProcessors() / (server.cpuSeconds() / images);
    }

    /** The achieved rate over the lower bound. */
    double ofBound() {
        double bound = Double.isNaN(concurrencyBound()) ? cpuBound() : Math.min(concurrencyBound(), cpuBound());
        return imagesPerSecond() / bound;
    }
}
