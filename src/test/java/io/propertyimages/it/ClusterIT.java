package io.propertyimages.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import io.propertyimages.cluster.LeaseKey;
import io.propertyimages.store.AddressNormalizer;
import io.propertyimages.testing.PostgresServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Liberty servers of the same build on one PostgreSQL job repository and one images root, as separate processes:
 * {@code A} runs the messaging engine, {@code B} uses it. Each takes at most three partitions at once, so that a job's
 * five are spread over both; they look for dead servers' work every second, and wait for a held download as long as
 * a test holds it.
 */
class ClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int BASE_PORT = Integer.getInteger("it.http.port", 9081);
    private static PostgresServer postgres;
    private static String databaseUrl;
    private static Path imagesRoot;
    private static LibertyServerProcess serverA;
    private static LibertyServerProcess serverB;

    private ImageHost host;
    private ServedImages images;

    @BeforeAll
    static void startCluster() throws Exception {
        postgres = PostgresServer.start(Path.of("target/it-postgres"));
        databaseUrl = postgres.createDatabase("cluster_it");
        imagesRoot = Files.createDirectories(Path.of("target/it-cluster-images").toAbsolutePath());
        serverA = server("A", BASE_PORT + 2, "engine");
        serverB = server("B", BASE_PORT + 3, "client");
        serverA.start();
        serverB.start();
    }

    private static LibertyServerProcess server(String name, int port, String messagingRole) throws Exception {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("server.id", name);
        variables.put("db.url", databaseUrl);
        variables.put("db.user", PostgresServer.USER);
        variables.put("images.root", imagesRoot.toString());
        variables.put("messaging.port", Integer.toString(BASE_PORT + 4));
        variables.put("cluster.partitions.max", "3");
        variables.put("cluster.check.seconds", "1");
        variables.put("batch.restart.interrupted", "true");
        // Downloads held at the image host's gate wait there instead of timing out and trying again.
        variables.put("download.read.timeout.seconds", "120");
        return LibertyServerProcess.copyOfTestServer("Cluster" + name, port, variables, Map.of("messaging.role", messagingRole));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        try (PostgresServer database = postgres; LibertyServerProcess a = serverA; LibertyServerProcess b = serverB) {
            System.out.println("Cluster servers' logs: " + a.messagesLog() + ", " + b.messagesLog());
        }
    }

    @BeforeEach
    void startImageHost() throws Exception {
        host = new ImageHost();
        images = new ServedImages(host);
        host.slowDelayMillis = 150;
    }

    @AfterEach
    void stopImageHost() {
        host.close();
    }

    @Test
    void spreadsTheStepsPartitionsOverBothServersWithAtMostFiveDownloadsInFlightAndBothAnswerForIt() throws Exception {
        String outputDir = "spread-" + UUID.randomUUID();
        Map<String, List<String>> properties = properties("Spread", 10, 4, k -> "/slow/");

        long execution = serverA.api().start("download-images", ServedImages.parameters(properties, outputDir, 2));
        JsonObject ended = serverA.api().awaitEnd(execution, TIMEOUT);

        assertEquals("COMPLETED", ended.getString("batchStatus"));
        Map<Integer, String> ranBy = partitionServers(serverB, execution);
        System.out.println("Execution " + execution + " coordinated by " + ended.getString("server") + "; partitions ran on " + ranBy);
        assertEquals(Set.of("A", "B"), new TreeSet<>(ranBy.values()), "both servers ran partitions: " + ranBy);
        assertTrue(host.peakInFlight() <= 5, "at most 5 downloads in flight for the job, over both servers: " + host.peakInFlight());
        assertEachSavedOnce(outputDir, properties);
        for (String path : List.of("/jobexecutions/" + execution, "/jobexecutions/" + execution + "/stepexecutions",
                "/jobexecutions/" + execution + "/failures")) {
            assertEquals(withoutHref(serverA.api().get(path).body()), withoutHref(serverB.api().get(path).body()),
                    "both servers answer alike for " + path);
        }
        assertEquals(serverA.api().text("/jobexecutions/" + execution + "/log"), serverB.api().text("/jobexecutions/" + execution + "/log"));
    }

    /**
     * The host answers each property's first two URLs and holds the rest, so every running partition has committed a
     * chunk and waits for the next when server B is killed: its partitions run again on A from their checkpoints.
     */
    @Test
    void aWorkerKilledMidJobHasItsPartitionsRunAgainOnTheOtherServerFromTheirCheckpoints() throws Exception {
        String outputDir = "worker-" + UUID.randomUUID();
        Map<String, List<String>> properties = properties("Worker", 8, 6, k -> k <= 2 ? "/img/" : "/gated/");
        host.closeGate();

        long execution = serverA.api().start("download-images", ServedImages.parameters(properties, outputDir, 2));
        awaitHeldWith(execution, running -> running.containsValue("B"));
        Map<Integer, String> atKill = partitionServers(serverA, execution);
        serverB.kill();
        host.openGate();
        JsonObject ended = serverA.api().awaitEnd(execution, TIMEOUT);
        restart(serverB);

        assertEquals("COMPLETED", ended.getString("batchStatus"), "the coordinator A finished the execution");
        assertTrue(serverA.api().text("/jobexecutions/" + execution + "/log").contains("runs again from its last checkpoint: server B"),
                "the execution's log says which partitions ran again, and why");
        long onB = atKill.values().stream().filter("B"::equals).count();
        System.out.println("Worker B killed running " + onB + " of the partitions " + atKill + "; afterwards " + partitionServers(serverA, execution));
        assertEachSavedOnce(outputDir, properties);
        assertFetchedAgainAtMost(onB * 2, properties);
    }

    @Test
    void aCoordinatorKilledMidJobIsTakenOverAndFinishedByTheOtherServer() throws Exception {
        String outputDir = "coordinator-" + UUID.randomUUID();
        Map<String, List<String>> properties = properties("Coordinator", 8, 6, k -> k <= 2 ? "/img/" : "/gated/");
        host.closeGate();

        long execution = serverB.api().start("download-images", ServedImages.parameters(properties, outputDir, 2));
        awaitHeldWith(execution, running -> running.size() == 5);
        serverB.kill();
        host.openGate();
        long restarted = serverA.api().awaitRestartOf(execution, TIMEOUT);
        JsonObject ended = serverA.api().awaitEnd(restarted, TIMEOUT);
        restart(serverB);

        JsonObject interrupted = serverA.api().execution(execution);
        assertEquals("FAILED", interrupted.getString("batchStatus"));
        assertEquals("FAILED: server B stopped while running", interrupted.getString("exitStatus"));
        assertTrue(serverA.api().text("/jobexecutions/" + execution + "/log").contains("Server A takes over: server B"),
                serverA.api().text("/jobexecutions/" + execution + "/log"));
        assertEquals("COMPLETED", ended.getString("batchStatus"));
        assertEquals("A", ended.getString("server"), "the restart runs on the server that took the execution over");
        assertEachSavedOnce(outputDir, properties);
        assertFetchedAgainAtMost(5 * 2, properties);
    }

    @Test
    void aStopAskedOfOneServerStopsThePartitionsOnBothAndTheOtherRestartsIt() throws Exception {
        String outputDir = "stop-" + UUID.randomUUID();
        Map<String, List<String>> properties = properties("Stop", 8, 6, k -> k <= 2 ? "/img/" : "/gated/");
        host.closeGate();

        long execution = serverA.api().start("download-images", ServedImages.parameters(properties, outputDir, 2));
        awaitHeldWith(execution, running -> running.containsValue("A") && running.containsValue("B"));
        assertEquals(200, serverB.api().post("/jobexecutions/" + execution + "/stop", "").status());
        host.openGate();
        JsonObject stopped = serverB.api().awaitEnd(execution, TIMEOUT);

        assertEquals("STOPPED", stopped.getString("batchStatus"), "stopped, though it ran on A and B and the stop came to B");
        long restarted = serverB.api().restart(execution);
        JsonObject completed = serverB.api().awaitEnd(restarted, TIMEOUT);
        assertEquals("COMPLETED", completed.getString("batchStatus"));
        assertEquals("B", completed.getString("server"));
        assertEachSavedOnce(outputDir, properties);
    }

    /**
     * A cleanup on B waits for a folder's lock held in the database by another process (this test, as a download on
     * A would hold it while it writes), then cleans it; and a cleanup on B beside a download on A into the same folder
     * loses none of the download's images.
     */
    @Test
    void aCleanupOnOneServerRespectsTheFolderLocksOfTheOtherServersDownloads() throws Exception {
        String outputDir = "cleanup-" + UUID.randomUUID();
        Path outputPath = imagesRoot.resolve(outputDir);
        String address = "1 Shared Folder St, Mesa";
        String folderName = AddressNormalizer.normalize(address);
        Path folder = new AgedPropertyFolder(outputPath, folderName).image("img_101.jpg", TestImages.jpeg(50, 40), 30).write();
        String cleanup = "{\"outputDir\": \"" + outputDir + "\", \"maxAgeDays\": 7}";

        long held;
        try (Connection connection = DriverManager.getConnection(databaseUrl, PostgresServer.USER, "");
             PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, LeaseKey.folder(outputDir + "/" + folderName).number());
            lock.execute();
            held = serverB.api().start("cleanup-images", cleanup);
            Thread.sleep(3000);
            assertEquals("STARTED", serverB.api().execution(held).getString("batchStatus"), "the cleanup waits for the lock");
            assertTrue(Files.exists(folder.resolve("img_101.jpg")), "and has deleted nothing yet");
        }
        assertEquals("COMPLETED", serverB.api().awaitEnd(held, TIMEOUT).getString("batchStatus"));
        assertTrue(Files.notExists(folder.resolve("img_101.jpg")), "once the lock is free, the old image goes");

        Map<String, List<String>> properties = Map.of(address, images.add(12, k -> "/slow/cleanup-" + k + ".jpg",
                k -> TestImages.jpeg(60 + k, 40)));
        new AgedPropertyFolder(outputPath, folderName).image("img_101.jpg", TestImages.jpeg(50, 40), 30).write();
        long download = serverA.api().start("download-images", ServedImages.parameters(properties, outputDir, 1));
        List<Long> cleanups = new ArrayList<>();
        while (!"COMPLETED".equals(serverA.api().execution(download).getString("batchStatus")) && cleanups.size() < 20) {
            long cleaning = serverB.api().start("cleanup-images", cleanup);
            serverB.api().awaitEnd(cleaning, TIMEOUT);
            cleanups.add(cleaning);
        }
        assertEquals("COMPLETED", serverA.api().awaitEnd(download, TIMEOUT).getString("batchStatus"));
        System.out.println("Cleanups " + cleanups + " ran on B beside download " + download + " on A");
        assertTrue(cleanups.size() >= 2, "cleanups ran while the download did: " + cleanups);
        assertEachSavedOnce(outputDir, properties);
    }

    @Test
    void aScheduleFiresOnceAtEachOfItsRunsAcrossBothServers() throws Exception {
        Files.createDirectories(imagesRoot.resolve("scheduled"));
        Instant created = Instant.now();
        BatchApi.Answer schedule = serverA.api().post("/schedules", "{\"jobName\": \"cleanup-images\", \"jobParameters\":"
                + " {\"outputDir\": \"scheduled\", \"dryRun\": true}, \"intervalSeconds\": 2}");
        assertEquals(201, schedule.status(), schedule.body().toString());
        long id = schedule.object().getJsonNumber("id").longValue();
        try {
            Thread.sleep(12_000);
        } finally {
            assertEquals(204, serverB.api().delete("/schedules/" + id).status(), "deleted from the other server");
        }
        List<JsonObject> runs = new ArrayList<>();
        for (JsonObject execution : serverB.api().get("/jobexecutions?jobName=cleanup-images&limit=100").body().asJsonArray()
                .getValuesAs(JsonObject.class)) {
            if (Instant.parse(execution.getString("createTime")).isAfter(created)
                    && execution.getJsonObject("jobParameters").getString("outputDir").endsWith("/scheduled")) {
                runs.add(execution);
            }
        }
        List<Instant> starts = runs.stream().map(run -> Instant.parse(run.getString("createTime"))).sorted().toList();
        System.out.println("Schedule " + id + " started " + runs.size() + " executions, on servers "
                + runs.stream().map(run -> run.getString("server")).toList() + ", at " + starts);
        assertTrue(runs.size() >= 4 && runs.size() <= 7, "one execution per 2-second run over 12 seconds: " + starts);
        for (int i = 1; i < starts.size(); i++) {
            assertTrue(Duration.between(starts.get(i - 1), starts.get(i)).toMillis() >= 1500,
                    "no run started twice, by one server or both: " + starts);
        }
    }

    /** Properties of {@code urls} images each, URL {@code k} under the path {@code kind(k)} gives. */
    private Map<String, List<String>> properties(String street, int count, int urls,
                                                 IntFunction<String> kind) {
        Map<String, List<String>> properties = new LinkedHashMap<>();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int p = 1; p <= count; p++) {
            int property = p;
            properties.put(p + " " + street + " St, Mesa", images.add(urls,
                    k -> kind.apply(k) + tag + "-p" + property + "-" + k + ".jpg", k -> TestImages.jpeg(200 + 10 * property + k, 120)));
        }
        return properties;
    }

    /** Waits until five downloads are held at the gate and the partitions that run them satisfy {@code running}. */
    private void awaitHeldWith(long execution, Predicate<Map<Integer, String>> running) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Map<Integer, String> servers = runningPartitionServers(execution);
            if (host.heldAtGate() == 5 && running.test(servers)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(host.heldAtGate() + " downloads held at the gate; partitions running: " + servers);
            }
            Thread.sleep(50);
        }
    }

    /** The server of each partition that has one and has not ended, as A sees it. */
    private static Map<Integer, String> runningPartitionServers(long execution) {
        Map<Integer, String> running = new LinkedHashMap<>();
        for (JsonObject step : serverA.api().get("/jobexecutions/" + execution + "/stepexecutions").body().asJsonArray()
                .getValuesAs(JsonObject.class)) {
            for (JsonObject partition : step.getJsonArray("partitions").getValuesAs(JsonObject.class)) {
                if (!partition.isNull("server") && Set.of("STARTING", "STARTED").contains(partition.getString("batchStatus"))) {
                    running.put(partition.getInt("partition"), partition.getString("server"));
                }
            }
        }
        return running;
    }

    private static Map<Integer, String> partitionServers(LibertyServerProcess server, long execution) {
        Map<Integer, String> servers = new LinkedHashMap<>();
        for (JsonObject step : server.api().get("/jobexecutions/" + execution + "/stepexecutions").body().asJsonArray()
                .getValuesAs(JsonObject.class)) {
            for (JsonObject partition : step.getJsonArray("partitions").getValuesAs(JsonObject.class)) {
                servers.put(partition.getInt("partition"), partition.isNull("server") ? null : partition.getString("server"));
            }
        }
        return servers;
    }

    private void assertEachSavedOnce(String outputDir, Map<String, List<String>> properties) throws Exception {
        for (Map.Entry<String, List<String>> property : properties.entrySet()) {
            images.assertEachSavedOnce(imagesRoot.resolve(outputDir).resolve(AddressNormalizer.normalize(property.getKey())),
                    property.getValue());
        }
    }

    /** The images fetched a second time, because a server died with their chunk uncommitted, are at most {@code bound}. */
    private void assertFetchedAgainAtMost(long bound, Map<String, List<String>> properties) {
        List<String> urls = properties.values().stream().flatMap(List::stream).toList();
        int again = images.requestCounts(urls).stream().mapToInt(Integer::intValue).sum() - urls.size();
        System.out.println(again + " of " + urls.size() + " images fetched again (bound " + bound + ")");
        assertTrue(again <= bound, again + " images fetched again, more than " + bound);
    }

    /** An answer without its {@code href}, which names the server that was asked. */
    private static JsonValue withoutHref(JsonValue answer) {
        if (answer instanceof JsonObject object) {
            JsonObjectBuilder copy = Json.createObjectBuilder(object);
            copy.remove("href");
            return copy.build();
        }
        return answer;
    }

    private static void restart(LibertyServerProcess server) throws Exception {
        server.stop();
        server.start();
    }
}
