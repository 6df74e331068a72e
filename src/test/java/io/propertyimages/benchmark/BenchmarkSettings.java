package io.propertyimages.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's settings, from system properties {@code benchmark.*} (the Maven profile sets them; see the pom):
 * where the server is, its ports and admin, the working folder (corpus, inputs, peers' outputs) and the server's
 * {@code images.root}, the mixed input's size, its latency and the interleaved rounds of it, the peers and their
 * folder, the tiny input's size (0: none), the restart after a kill, a chunk size (empty: the job's default) and the
 * rounds on two servers sharing a PostgreSQL repository (their ports: the server's + 10 and + 11, messaging + 12).
 */
record BenchmarkSettings(Path wlp, String serverName, int httpPort, String adminUser, String adminPassword, int hostPort,
                         Path work, Path imagesRoot, int properties, int imagesEach, int latency, int rounds,
                         List<String> peers, Path peersDir, int tinyUrls, boolean restart, String chunkSize,
                         boolean twoServers) {

    static BenchmarkSettings fromSystemProperties() {
        return new BenchmarkSettings(Path.of(required("benchmark.wlp")), required("benchmark.server"),
                Integer.parseInt(required("benchmark.http.port")), required("benchmark.admin.user"),
                required("benchmark.admin.password"), Integer.parseInt(required("benchmark.host.port")),
                Path.of(required("benchmark.work")), Path.of(required("benchmark.images.root")),
                Integer.getInteger("benchmark.properties", 100), Integer.getInteger("benchmark.images.each", 10),
                Integer.getInteger("benchmark.latency", 20), Integer.getInteger("benchmark.rounds", 3),
                Arrays.stream(System.getProperty("benchmark.peers", "sharp,python").split(",")).map(String::strip)
                        .filter(peer -> !peer.isEmpty()).toList(),
                Path.of(required("benchmark.peers.dir")),
                Integer.getInteger("benchmark.tiny.urls", 100_000),
                Boolean.parseBoolean(System.getProperty("benchmark.restart", "true")),
                System.getProperty("benchmark.chunkSize", "").strip(),
                Boolean.parseBoolean(System.getProperty("benchmark.two.servers", "true")));
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("system property " + name + " is not set");
        }
        return value;
    }
}
