package io.propertyimages.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import io.propertyimages.testing.FileTrees;
import io.propertyimages.testing.PostgresServer;

/**
 * The benchmark's two servers on one PostgreSQL job repository and the benchmark's images root: copies of its own
 * server, {@code A} with the messaging engine and {@code B} using it, each taking at most 3 partitions at once, so that
 * a job's 5 are spread over both. PostgreSQL is a throwaway cluster of Debian's binaries under the benchmark's folder.
 */
final class TwoServers implements AutoCloseable {
    private final PostgresServer postgres;
    private final List<BenchmarkServer> servers = new ArrayList<>();

    private TwoServers(PostgresServer postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL and both servers; the first is the one to start jobs on. */
    static TwoServers start(BenchmarkSettings settings, Path template) throws Exception {
        TwoServers cluster = new TwoServers(PostgresServer.start(settings.work().resolve("postgres")));
        try {
            String database = cluster.postgres.createDatabase("benchmark");
            int port = settings.httpPort() + 10;
            cluster.add(settings, template, "A", port, "engine", database, port + 2);
            cluster.add(settings, template, "B", port + 1, "client", database, port + 2);
            for (BenchmarkServer server : cluster.servers) {
                server.start();
            }
            return cluster;
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    BenchmarkServer first() {
        return servers.get(0);
    }

    List<BenchmarkServer> all() {
        return servers;
    }

    /** How many of the execution's partitions each server ran. */
    Map<String, Integer> partitionsPerServer(long execution) throws IOException, InterruptedException {
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonObject step : first().jobs().get("/jobexecutions/" + execution + "/stepexecutions").asJsonArray()
                .getValuesAs(JsonObject.class)) {
            for (JsonObject partition : step.getJsonArray("partitions").getValuesAs(JsonObject.class)) {
                counts.merge(partition.isNull("server") ? "?" : partition.getString("server"), 1, Integer::sum);
            }
        }
        return counts;
    }

    private void add(BenchmarkSettings settings, Path template, String id, int httpPort, String role, String database,
                     int messagingPort) throws IOException {
        String name = template.getFileName() + id;
        Path directory = template.resolveSibling(name);
        copyConfiguration(template, directory);
        Files.writeString(directory.resolve("bootstrap.properties"), "messaging.role=" + role + "\n");
        Files.writeString(directory.resolve("configDropins/overrides/zz-two-servers.xml"), """
                <server>
                    <variable name="http.port" value="%d"/>
                    <variable name="server.id" value="%s"/>
                    <variable name="db.url" value="%s"/>
                    <variable name="db.user" value="%s"/>
                    <variable name="messaging.port" value="%d"/>
                    <variable name="cluster.partitions.max" value="3"/>
                </server>
                """.formatted(httpPort, id, database, PostgresServer.USER, messagingPort));
        servers.add(new BenchmarkServer(settings.wlp(), name, httpPort, settings.adminUser(), settings.adminPassword()));
    }

    /** The server's configuration and application, without its output (logs, work area, job repository). */
    private static void copyConfiguration(Path from, Path to) throws IOException {
        FileTrees.delete(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path relative = from.relativize(file);
                String top = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
                if (List.of("logs", "workarea", "jobrepository", "tranlog", "messaging-store", "thumbnails", "inputs").contains(top)) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            for (BenchmarkServer server : servers) {
                server.close();
            }
        } finally {
            postgres.close();
        }
    }
}
