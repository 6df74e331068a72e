package io.propertyimages.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cleanup-images job on a real Liberty, over the REST API, on property folders whose images are days old. */
class CleanupImagesIT extends DeployedApplicationTest {
    private static final Path IMAGES_ROOT = JobFiles.IMAGES_ROOT;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final byte[] PHOTO = TestImages.jpeg(64, 48);

    private static ImageHost host;
    private final BatchApi api = new BatchApi();

    @BeforeAll
    static void startImageHost() throws IOException {
        host = new ImageHost();
        // The download of 12 slow images outlasts a cleanup's start and run by seconds, also on a loaded machine.
        host.slowDelayMillis = 500;
        for (int i = 1; i <= 12; i++) {
            host.add("room" + i + ".jpg", TestImages.jpeg(100 + i, 80));
        }
    }

    @AfterAll
    static void stopImageHost() {
        host.close();
    }

    @Test
    void aDryRunReportsExactlyWhatTheRealRunThenDeletes() throws Exception {
        String outputDir = "it-" + UUID.randomUUID();
        Path root = IMAGES_ROOT.resolve(outputDir);
        new AgedPropertyFolder(root, "1-old-st").image("img_001.jpg", PHOTO, 30).image("img_002.jpg", PHOTO, 20)
                .image("img_003.jpg", PHOTO, 1).write();
        Path gone = new AgedPropertyFolder(root, "2-gone-rd").image("img_001.jpg", PHOTO, 40).image("img_002.jpg", PHOTO, 15).write();
        new AgedPropertyFolder(root, "3-mixed-ave").image("img_001.jpg", PHOTO, 2).missing("img_002.jpg", 30)
                .orphan("stray.jpg", new byte[300], 30).orphan(".tmp-img_003.jpg-1a2b3c", new byte[70], 20)
                .orphan("fresh.jpg", new byte[5], 0).write();
        Path broken = new AgedPropertyFolder(root, "4-broken-ln").image("img_001.jpg", PHOTO, 60).write();
        Files.writeString(broken.resolve("images_manifest.json"), "{\"images\": [");
        Map<String, String> before = snapshot(root);
        long bytes = 4L * PHOTO.length + 300 + 70;
        String expected = "deleted=6 bytes=" + bytes + " folders=1 orphans=3 orphansDeleted=2 missing=1 corrupt=1 failed=0";

        JsonObject dryRun = api.awaitEnd(api.start("cleanup-images",
                "{\"outputDir\": \"" + outputDir + "\", \"maxAgeDays\": 14, \"dryRun\": true}"), TIMEOUT);

        assertEquals("COMPLETED", dryRun.getString("batchStatus"));
        assertEquals("dryRun " + expected, dryRun.getString("exitStatus"));
        assertEquals("dryRun " + expected, step(dryRun).getString("exitStatus"));
        assertEquals(before, snapshot(root), "a dry run changes nothing");

        JsonObject real = api.awaitEnd(api.start("cleanup-images", "{\"outputDir\": \"" + outputDir + "\"}"), TIMEOUT);

        assertEquals("COMPLETED", real.getString("batchStatus"));
        assertEquals(expected, real.getString("exitStatus"), "the same report, by the default of 14 days");
        Map<String, String> after = snapshot(root);
        assertEquals(Set.of("1-old-st/images_manifest.json", "1-old-st/img_003.jpg",
                "3-mixed-ave/images_manifest.json", "3-mixed-ave/img_001.jpg", "3-mixed-ave/fresh.jpg",
                "4-broken-ln/images_manifest.json", "4-broken-ln/img_001.jpg"), after.keySet());
        assertFalse(Files.exists(gone), "a folder left empty is removed");
        assertEquals(before.get("4-broken-ln/images_manifest.json"), after.get("4-broken-ln/images_manifest.json"));
        assertEquals(List.of("img_003.jpg"), filenames(root.resolve("1-old-st")));
        assertEquals(List.of("img_001.jpg"), filenames(root.resolve("3-mixed-ave")), "the missing file's entry is dropped");

        JsonObject again = api.awaitEnd(api.start("cleanup-images", "{\"outputDir\": \"" + outputDir + "\"}"), TIMEOUT);
        assertEquals("deleted=0 bytes=0 folders=0 orphans=1 orphansDeleted=0 missing=0 corrupt=1 failed=0",
                again.getString("exitStatus"), "nothing is left to clean but the fresh orphan and the corrupt folder");
    }

    /**
     * The folder {@code m-fifo}'s manifest is a named pipe: the cleanup blocks reading it until the test writes it,
     * which holds the job in the middle of its folders while the test asks it to stop.
     */
    @Test
    void restartsAStoppedCleanupWithoutCountingAFolderTwice() throws Exception {
        String outputDir = "it-" + UUID.randomUUID();
        Path root = IMAGES_ROOT.resolve(outputDir);
        for (String name : List.of("a-01", "a-02", "a-03", "a-04", "a-05", "z-01", "z-02", "z-03", "z-04", "z-05")) {
            new AgedPropertyFolder(root, name).image("img_001.jpg", PHOTO, 30).image("img_002.jpg", PHOTO, 30).write();
        }
        AgedPropertyFolder blocking = new AgedPropertyFolder(root, "m-fifo").image("img_001.jpg", PHOTO, 30);
        Path fifo = root.resolve("m-fifo").resolve("images_manifest.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo " + fifo);

        long first = api.start("cleanup-images", "{\"outputDir\": \"" + outputDir + "\"}");
        awaitStep(first, step -> step.get("persistentUserData") instanceof JsonObject counts && counts.getInt("deleted") >= 10);
        assertEquals(200, api.post("/jobexecutions/" + first + "/stop", "").status());
        CompletableFuture.runAsync(() -> writeFifo(fifo, blocking.manifestJson())).get(30, TimeUnit.SECONDS);
        JsonObject stopped = api.awaitEnd(first, TIMEOUT);

        assertEquals("STOPPED", stopped.getString("batchStatus"));
        JsonObject stoppedStep = step(stopped);
        long deletedBeforeStop = stoppedStep.getJsonObject("persistentUserData").getJsonNumber("deleted").longValue();
        assertTrue(deletedBeforeStop >= 11 && deletedBeforeStop < 21, "stopped after m-fifo, before the end: " + stoppedStep);

        BatchApi.Answer dryRunNow = api.post("/jobexecutions/" + first + "/restart", "{\"dryRun\": true}");
        assertEquals(400, dryRunNow.status(), String.valueOf(dryRunNow.body()));
        assertTrue(dryRunNow.message().contains("restarts with the dryRun it started with"), dryRunNow.message());
        BatchApi.Answer otherAge = api.post("/jobexecutions/" + first + "/restart", "{\"maxAgeDays\": 1}");
        assertEquals(400, otherAge.status(), String.valueOf(otherAge.body()));
        assertTrue(otherAge.message().contains("maxAgeDays"), otherAge.message());

        JsonObject restarted = api.awaitEnd(api.restart(first), TIMEOUT);

        assertEquals("COMPLETED", restarted.getString("batchStatus"));
        assertEquals("deleted=21 bytes=" + 21L * PHOTO.length + " folders=11 orphans=0 orphansDeleted=0 missing=0 corrupt=0 failed=0",
                restarted.getString("exitStatus"), "every file counted once over both executions");
        JsonObject restartedStep = step(restarted);
        assertEquals(11, stoppedStep.getJsonObject("metrics").getInt("READ_COUNT") + restartedStep.getJsonObject("metrics").getInt("READ_COUNT"),
                "each of the 11 folders read once: " + stoppedStep.getJsonObject("metrics") + " then " + restartedStep.getJsonObject("metrics"));
        try (Stream<Path> left = Files.list(root)) {
            assertEquals(0, left.count(), "all folders removed");
        }
    }

    @Test
    void aDownloadAndACleanupOnOnePropertyLoseNoManifestUpdate() throws Exception {
        String outputDir = "it-" + UUID.randomUUID();
        Path root = IMAGES_ROOT.resolve(outputDir);
        AgedPropertyFolder busy = new AgedPropertyFolder(root, "9-busy-blvd");
        for (int i = 1; i <= 6; i++) {
            busy.image(String.format("img_%03d.jpg", i), PHOTO, 30);
        }
        Path folder = busy.write();
        List<String> urls = IntStream.rangeClosed(1, 12).mapToObj(i -> host.url("/slow/room" + i + ".jpg")).toList();
        Path input = JobFiles.writeInput("address,image_url\n" + urls.stream().map(url -> "9 Busy Blvd," + url)
                .collect(Collectors.joining("\n")), ".csv");

        long download = api.start("download-images", Json.createObjectBuilder().add("input", input.toString())
                .add("outputDir", outputDir).add("chunkSize", 1).build().toString());
        awaitManifest(folder, images -> images.stream().anyMatch(url -> url.contains("/slow/")));
        JsonObject cleanup = api.awaitEnd(api.start("cleanup-images", "{\"outputDir\": \"" + outputDir + "\"}"), TIMEOUT);
        String downloadWhenCleanupEnded = api.execution(download).getString("batchStatus");
        JsonObject downloaded = api.awaitEnd(download, TIMEOUT);

        assertEquals("STARTED", downloadWhenCleanupEnded, "the cleanup ran while the download was saving images");
        assertEquals("deleted=6 bytes=" + 6L * PHOTO.length + " folders=0 orphans=0 orphansDeleted=0 missing=0 corrupt=0 failed=0",
                cleanup.getString("exitStatus"), "the expired images went, and no image being written was taken for an orphan");
        assertEquals("COMPLETED", downloaded.getString("batchStatus"));
        JsonArray images = JobFiles.manifest(folder).getJsonArray("images");
        assertEquals(Set.copyOf(urls), images.getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("source_url")).collect(Collectors.toSet()), "every downloaded image is in the manifest, no expired one");
        JobFiles.assertEntriesMatchFiles(folder, images);
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(13, files.count(), "12 images and the manifest, nothing else");
        }
    }

    @Test
    void aMonitorCannotStartACleanup() throws Exception {
        String outputDir = "it-" + UUID.randomUUID();
        Path root = IMAGES_ROOT.resolve(outputDir);
        new AgedPropertyFolder(root, "5-watched-way").image("img_001.jpg", PHOTO, 30).write();
        Map<String, String> before = snapshot(root);

        BatchApi.Answer answer = new BatchApi(BatchApi.MONITOR).post("/jobs/cleanup-images/start", "{\"outputDir\": \"" + outputDir + "\"}");

        assertEquals(403, answer.status(), String.valueOf(answer.body()));
        assertEquals(before, snapshot(root), "nothing deleted");
    }

    @Test
    void answersBadParametersWithAClearClientError() {
        assertClientError("maxAgeDays must be a whole number", "{\"maxAgeDays\": -1}");
        assertClientError("maxAgeDays must be a whole number", "{\"maxAgeDays\": \"two weeks\"}");
        assertClientError("maxAgeDays must be a whole number", "{\"maxAgeDays\": 1.5}");
        assertClientError("dryRun must be true or false", "{\"dryRun\": \"maybe\"}");
        assertClientError("unknown job parameter \"olderThan\"", "{\"olderThan\": 14}");
        assertClientError("outside the images root", "{\"outputDir\": \"../../escape\"}");
    }

    private void assertClientError(String messagePart, String parameters) {
        BatchApi.Answer answer = api.post("/jobs/cleanup-images/start", parameters);
        assertEquals(400, answer.status(), parameters + " answered " + answer.body());
        assertTrue(answer.message().contains(messagePart), "message \"" + answer.message() + "\" names " + messagePart);
    }

    private JsonObject step(JsonObject execution) {
        return api.get("/jobexecutions/" + execution.getJsonNumber("executionId").longValue() + "/stepexecutions")
                .body().asJsonArray().getJsonObject(0);
    }

    private void awaitStep(long executionId, Predicate<JsonObject> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            var steps = api.get("/jobexecutions/" + executionId + "/stepexecutions").body().asJsonArray();
            if (!steps.isEmpty() && condition.test(steps.getJsonObject(0))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("step of execution " + executionId + " not as awaited within " + TIMEOUT + ": " + steps);
            }
            Thread.sleep(50);
        }
    }

    private static void awaitManifest(Path folder, Predicate<List<String>> condition) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.test(JobFiles.manifest(folder).getJsonArray("images").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("source_url")).toList())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("manifest of " + folder + " not as awaited within " + TIMEOUT);
            }
            Thread.sleep(50);
        }
    }

    private static void writeFifo(Path fifo, String content) {
        try {
            Files.writeString(fifo, content);
        } catch (IOException e) {
            throw new AssertionError("cannot write " + fifo, e);
        }
    }

    /** Every file under {@code root}, by relative path, with its size and MD5. */
    private static Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.size(file) + ":"
                        + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file))));
            }
        }
        return files;
    }

    private static List<String> filenames(Path folder) throws IOException {
        return JobFiles.filenames(JobFiles.manifest(folder).getJsonArray("images"));
    }
}
