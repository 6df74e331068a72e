package io.propertyimages.it;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import io.propertyimages.store.AddressNormalizer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * download-images killed with SIGKILL mid-step, or failing on an output it cannot write, then restarted (over REST, or
 * by the server itself when it comes back with {@code batch.restart.interrupted} on): every image ends up saved
 * exactly once, every manifest entry matches its file, no temp or orphan file stays, and what a committed checkpoint
 * covers is never downloaded again. Runs on a Liberty of its own ({@code crash.server.name}, port
 * {@code it.http.port + 1}) that {@link LibertyServerProcess} starts, kills and starts again.
 */
class CrashAndResumeIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** The exit status of an execution that a server marked FAILED because it was killed while running it. */
    private static final String INTERRUPTED = "FAILED: server stopped while running";
    private static LibertyServerProcess server;
    private static BatchApi api;
    private static Path imagesRoot;

    private ImageHost host;
    private ServedImages images;

    @BeforeAll
    static void startServer() throws Exception {
        server = new LibertyServerProcess(System.getProperty("crash.server.name", "crashServer"),
                Integer.getInteger("it.http.port", 9081) + 1);
        api = server.api();
        imagesRoot = server.directory().resolve("crash-images");
        server.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void startImageHost() throws IOException {
        host = new ImageHost();
        images = new ServedImages(host);
    }

    @AfterEach
    void stopImageHost() {
        host.close();
    }

    /**
     * Eight properties of six URLs in eight partitions on five threads, two URLs per chunk; the host answers the first
     * three URLs of each property and holds the rest, so at the kill each of the five running partitions has committed
     * one chunk, downloaded the first URL of the next and waits for the second, and three partitions have not started.
     */
    @Test
    void killedWhileDownloadsAreInFlightResumesFromTheCheckpoints() throws Exception {
        String outputDir = "crash-" + UUID.randomUUID();
        Map<String, List<String>> properties = new LinkedHashMap<>();
        for (int p = 1; p <= 8; p++) {
            int property = p;
            properties.put(p + " Inflight St, Mesa", images.add(6, k -> (k <= 3 ? "/img/" : "/gated/") + "p" + property + "-" + k + ".jpg",
                    k -> TestImages.jpeg(200 + 10 * property + k, 120)));
        }
        host.closeGate();

        long first = api.start("download-images", ServedImages.parameters(properties, outputDir, 2));
        List<String> running = properties.keySet().stream().limit(5).toList();
        awaitHeldAtGate(running.stream().map(address -> properties.get(address).get(3)).toList());
        Map<String, List<String>> savedAtKill = savedUrls(outputDir, properties);
        server.kill();
        host.openGate();
        server.start();

        JsonObject interrupted = api.execution(first);
        assertEquals("FAILED", interrupted.getString("batchStatus"), "the server marked what it was running when killed");
        assertEquals(INTERRUPTED, interrupted.getString("exitStatus"));
        assertEquals(Collections.nCopies(5, "FAILED"), step(first).getJsonArray("partitions").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("batchStatus")).toList(), "the five running partitions are marked, the three waiting have no row");
        properties.forEach((address, urls) -> assertEquals(running.contains(address) ? urls.subList(0, 2) : List.of(),
                savedAtKill.get(address), "at the kill, the first chunk of a running partition was saved: " + address));
        long restarted = api.restart(first);
        JsonObject completed = api.awaitEnd(restarted, TIMEOUT);

        assertEquals("COMPLETED", completed.getString("batchStatus"));
        assertEquals(5 * 4 + 3 * 6, restartMetrics(restarted).getInt("READ_COUNT"),
                "each running partition resumes after its committed chunk, and the three that never started run whole");
        for (Map.Entry<String, List<String>> property : properties.entrySet()) {
            images.assertEachSavedOnce(folder(outputDir, property.getKey()), property.getValue());
            assertEquals(running.contains(property.getKey()) ? List.of(1, 1, 2, 2, 1, 1) : List.of(1, 1, 1, 1, 1, 1),
                    images.requestCounts(property.getValue()),
                    "the committed chunk is not fetched again, the chunk in flight is, once: " + property.getKey());
        }
        assertFetchedAgainAtMost(5 * 2, "killed during downloads", first, restarted, properties);
    }

    /**
     * One property of 24 large images, twelve per chunk. The writer saves a chunk's images one by one, then the
     * manifest, then the checkpoint commits: the test kills the server the moment the first image of the second chunk
     * appears on disk, while its eleven others (about 5 MB) are still being written, and checks that it did hit that
     * window (the file is there, the manifest does not list it). The server comes back with
     * {@code batch.restart.interrupted} on, and restarts the execution by itself.
     */
    @Test
    void killedAfterImagesAreWrittenBeforeTheirCheckpointCommitsIsRestartedByTheServer() throws Exception {
        String outputDir = "crash-" + UUID.randomUUID();
        String address = "7 Writer Way, Tempe";
        Map<String, List<String>> properties = Map.of(address,
                images.add(24, k -> "/img/big" + k + ".jpg", k -> TestImages.noisyJpeg(1000, 750, k)));
        Path folder = Files.createDirectories(folder(outputDir, address));

        long first;
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            folder.register(watcher, ENTRY_CREATE);
            first = api.start("download-images", ServedImages.parameters(properties, outputDir, 12));
            awaitCreated(watcher, "img_013.jpg");
            server.kill();
        }
        List<String> onDiskAtKill = ServedImages.fileNames(folder);
        List<String> listedAtKill = JobFiles.filenames(JobFiles.manifest(folder).getJsonArray("images"));
        server.start(Map.of("BATCH_RESTART_INTERRUPTED", "true"));

        assertEquals(ServedImages.imageNames(12), listedAtKill, "at the kill, the manifest lists the first chunk only");
        assertTrue(onDiskAtKill.contains("img_013.jpg"), "at the kill, images of the second chunk were on disk: " + onDiskAtKill);
        assertEquals(INTERRUPTED, api.execution(first).getString("exitStatus"));
        long restarted = api.awaitRestartOf(first, TIMEOUT);
        JsonObject completed = api.awaitEnd(restarted, TIMEOUT);

        assertEquals("COMPLETED", completed.getString("batchStatus"));
        assertEquals(12, restartMetrics(restarted).getInt("READ_COUNT"), "the restart resumes after the committed chunk");
        List<String> urls = properties.get(address);
        images.assertEachSavedOnce(folder, urls);
        List<Integer> counts = images.requestCounts(urls);
        assertEquals(List.of(1), counts.subList(0, 12).stream().distinct().toList(), "the committed chunk is not fetched again");
        assertTrue(counts.subList(12, 24).stream().allMatch(c -> c <= 2), "the uncommitted chunk is fetched again once at most: " + counts);
        assertFetchedAgainAtMost(12, "killed between the writes and the checkpoint (on disk at the kill: " + onDiskAtKill
                + "), restarted by the server", first, restarted, properties);
    }

    /**
     * A directory where the writer must put an image: the rename onto it fails, as a full or read-only disk would
     * fail the write (the build runs as root, so permissions would not). The execution fails with the file and the
     * reason in its own log and exit status, the images of the failed chunk are not left behind, and once the
     * obstacle is gone a restart completes.
     */
    @Test
    void failsOnAnImageItCannotWriteLeavingNothingHalfWrittenThenCompletesOnRestart() throws Exception {
        String outputDir = "crash-" + UUID.randomUUID();
        Map<String, List<String>> properties = new LinkedHashMap<>();
        properties.put("1 Sound St, Mesa", images.add(6, k -> "/img/sound" + k + ".jpg", k -> TestImages.jpeg(300 + k, 200)));
        properties.put("2 Blocked Rd, Mesa", images.add(6, k -> "/img/blocked" + k + ".jpg", k -> TestImages.jpeg(400 + k, 200)));
        Path blocked = folder(outputDir, "2 Blocked Rd, Mesa");
        Path obstacle = Files.createDirectories(blocked.resolve("img_002.jpg"));

        long first = api.start("download-images", ServedImages.parameters(properties, outputDir, 3));
        JsonObject failed = api.awaitEnd(first, TIMEOUT);

        assertEquals("FAILED", failed.getString("batchStatus"));
        String cause = "cannot write " + obstacle + ": Is a directory";
        assertEquals("FAILED: " + cause, failed.getString("exitStatus"), "the exit status names the file and the reason");
        List<String> log = api.text("/jobexecutions/" + first + "/log").lines().toList();
        assertTrue(log.stream().anyMatch(line -> line.contains(" WARNING Stopping: " + cause)), "the execution's own log: " + log);
        assertTrue(log.get(log.size() - 1).contains(" WARNING Ended FAILED (FAILED: " + cause + ")"), log.toString());
        assertTrue(Files.readString(server.messagesLog()).contains(cause), "so does the server's log");
        assertEquals(List.of("img_002.jpg"), ServedImages.fileNames(blocked), "the image written before the failure is not left behind");
        images.assertEachSavedOnce(folder(outputDir, "1 Sound St, Mesa"), properties.get("1 Sound St, Mesa"));

        Files.delete(obstacle);
        long restarted = api.restart(first);
        JsonObject completed = api.awaitEnd(restarted, TIMEOUT);

        assertEquals("COMPLETED", completed.getString("batchStatus"));
        assertEquals(6, restartMetrics(restarted).getInt("READ_COUNT"), "only the failed partition runs again");
        for (Map.Entry<String, List<String>> property : properties.entrySet()) {
            images.assertEachSavedOnce(folder(outputDir, property.getKey()), property.getValue());
        }
        assertEquals(List.of(1, 1, 1, 1, 1, 1), images.requestCounts(properties.get("1 Sound St, Mesa")),
                "the completed partition is not run again");
        assertEquals(List.of(2, 2, 2, 1, 1, 1), images.requestCounts(properties.get("2 Blocked Rd, Mesa")),
                "only the failed chunk is fetched again");
        assertFetchedAgainAtMost(3, "failed writing, then restarted", first, restarted, properties);
    }

    /** Waits until each of {@code urls} has been requested and is held at the gate. */
    private void awaitHeldAtGate(List<String> urls) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (host.heldAtGate() < urls.size() || images.requestCounts(urls).contains(0)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + host.heldAtGate() + " downloads reached the gate, of " + urls);
            }
            Thread.sleep(20);
        }
    }

    private static void awaitCreated(WatchService watcher, String fileName) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            WatchKey key = watcher.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (key == null) {
                break;
            }
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.context() instanceof Path created && created.toString().equals(fileName)) {
                    return;
                }
            }
            key.reset();
        }
        throw new AssertionError(fileName + " was not written within " + TIMEOUT);
    }

    private static Map<String, List<String>> savedUrls(String outputDir, Map<String, List<String>> properties) throws IOException {
        Map<String, List<String>> saved = new LinkedHashMap<>();
        for (String address : properties.keySet()) {
            Path folder = folder(outputDir, address);
            saved.put(address, Files.exists(folder.resolve("images_manifest.json"))
                    ? JobFiles.manifest(folder).getJsonArray("images").getValuesAs(JsonObject.class).stream()
                            .map(e -> e.getString("source_url")).toList()
                    : List.of());
        }
        return saved;
    }

    /**
     * Asserts that the images fetched again after the crash or failure are at most {@code bound}: the URLs of the
     * chunks that had not committed, one per partition. Prints what the restart did, for the build log.
     */
    private void assertFetchedAgainAtMost(int bound, String scenario, long first, long restarted,
                                          Map<String, List<String>> properties) {
        List<String> urls = properties.values().stream().flatMap(List::stream).toList();
        int requests = images.requestCounts(urls).stream().mapToInt(Integer::intValue).sum();
        int fetchedAgain = requests - urls.size();
        System.out.printf("%s: execution %d restarted as %d; %d URLs, %d requests, %d fetched again (bound %d); restart step: %s%n",
                scenario, first, restarted, urls.size(), requests, fetchedAgain, bound, restartMetrics(restarted));
        assertTrue(fetchedAgain <= bound, scenario + ": " + fetchedAgain + " images fetched again, more than " + bound);
    }

    private static JsonObject restartMetrics(long restarted) {
        return step(restarted).getJsonObject("metrics");
    }

    private static JsonObject step(long execution) {
        return api.get("/jobexecutions/" + execution + "/stepexecutions").body().asJsonArray().getJsonObject(0);
    }

    private static Path folder(String outputDir, String address) {
        return imagesRoot.resolve(outputDir).resolve(AddressNormalizer.normalize(address));
    }
}
