package io.propertyimages.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's settings, from system properties {@code benchmark.*} (the Maven profile sets them; see the pom):
 * where the server is, its ports and admin, the working folder (corpus, inputs) and the server's
 * {@code images.root}, the mixed input's size, the latencies, the tiny input's size (0: none) and a chunk size (empty: the job's default).
 */
record BenchmarkSettings(Path wlp, String serverName, int httpPort, String adminUser, String adminPassword, int hostPort,
                         Path work, Path imagesRoot, int properties, int imagesEach, List<Integer> latencies, int tinyUrls, boolean restart,
                         String chunkSize) {

    static BenchmarkSettings fromSystemProperties() {
        return new BenchmarkSettings(Path.of(required("benchmark.wlp")), required("benchmark.server"),
                Integer.parseInt(required("benchmark.http.port")), required("benchmark.admin.user"),
                required("benchmark.admin.password"), Integer.parseInt(required("benchmark.host.port")),
                Path.of(required("benchmark.work")), Path.of(required("benchmark.images.root")),
                Integer.getInteger("benchmark.properties", 100), Integer.getInteger("benchmark.images.each", 10),
                Arrays.stream(System.getProperty("benchmark.latencies", "0,20").split(",")).map(String::strip)
                        .map(Integer::valueOf).toList(),
                Integer.getInteger("benchmark.tiny.urls", 100_000),
                Boolean.parseBoolean(System.getProperty("benchmark.restart", "true")),
                System.getProperty("benchmark.chunkSize", "").strip());
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("system property " + name + " is not set");
        }
        return value;
    }
}
