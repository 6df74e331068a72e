package io.propertyimages.it;

import static io.propertyimages.it.JobFiles.IMAGES_ROOT;
import static io.propertyimages.it.JobFiles.assertEntriesMatchFiles;
import static io.propertyimages.it.JobFiles.filenames;
import static io.propertyimages.it.JobFiles.manifest;
import static io.propertyimages.it.JobFiles.parameters;
import static io.propertyimages.it.JobFiles.writeInput;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The download-images job on a real Liberty, driven over the REST API against an image host on loopback. */
class DownloadImagesIT extends DeployedApplicationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final byte[] HOUSE_JPG = TestImages.jpeg(640, 480);

    private static ImageHost host;
    private final BatchApi api = new BatchApi();

    @BeforeAll
    static void startImageHost() throws IOException {
        host = new ImageHost();
        host.add("house.jpg", HOUSE_JPG);
        host.add("house2.jpg", TestImages.jpeg(800, 600));
        host.add("garden.png", TestImages.pngWithAlpha(320, 240));
        host.add("kitchen.webp", TestImages.resource("small-lossy.webp"));
        host.add("animated.webp", TestImages.resource("animated.webp"));
        host.add("bomb.png", TestImages.pngDeclaringTenGigapixels());
        host.add("truncated.png", Arrays.copyOf(TestImages.pngWithAlpha(320, 240), 500));
        for (int i = 1; i <= 12; i++) {
            host.add("room" + i + ".jpg", TestImages.jpeg(200 + i, 100));
        }
        for (String fixture : FIDELITY_FIXTURES) {
            host.add(fixture, TestImages.resource("suite/" + fixture));
        }
    }

    /** Files of the browser reference table (imaging/JpegConverterTest) whose handling depends on the server's readers. */
    private static final List<String> FIDELITY_FIXTURES = List.of("anim-offset-lossy.webp", "gif-offset-frame.gif",
            "tiff-rgb-orientation-6.tif", "tiff-bigtiff-hopper.tif", "bmp-pal4-gap-after-palette.bmp",
            "png-no-iend-basn2c08.png", "jpeg-12-bit-testorig12.jpg");

    @AfterAll
    static void stopImageHost() {
        host.close();
    }

    @Test
    void downloadsConvertsAndRecordsFailuresThenFindsEverythingCached() throws Exception {
        String outputDir = "it-" + UUID.randomUUID();
        Path input = writeInput("""
                {"properties": [
                  {"address": "123 Main St, Phoenix, AZ 85001", "imageUrls": ["%s", "%s", "%s", "%s", "%s"]},
                  {"address": "9 Elm Rd #4, Tempe", "imageUrls": ["%s", "%s", "%s"]}
                ]}""".formatted(host.url("/img/house.jpg"), host.url("/img/garden.png"), host.url("/img/kitchen.webp"),
                host.url("/flaky/house2.jpg"), host.url("/throttled/garden.png"),
                host.url("/img/house.jpg"), host.url("/html"), host.url("/missing/nothing.jpg")), ".json");

        long first = api.start("download-images", parameters(input, outputDir));
        JsonObject execution = api.awaitEnd(first, TIMEOUT);

        assertEquals("COMPLETED", execution.getString("batchStatus"));
        assertEquals("COMPLETED_WITH_FAILURES", execution.getString("exitStatus"));
        Path main = IMAGES_ROOT.resolve(outputDir).resolve("123-main-st-phoenix-az-85001");
        JsonObject manifest = manifest(main);
        JsonArray images = manifest.getJsonArray("images");
        assertEquals(List.of("img_001.jpg", "img_002.jpg", "img_003.jpg", "img_004.jpg", "img_005.jpg"), filenames(images));
        assertEquals(List.of("jpeg", "png", "webp", "jpeg", "png"),
                images.getValuesAs(JsonObject.class).stream().map(e -> e.getString("original_format")).toList());
        assertEquals("123 Main St, Phoenix, AZ 85001", manifest.getString("property_address"));
        assertTrue(manifest.getJsonArray("failures").isEmpty());
        assertArrayEquals(HOUSE_JPG, Files.readAllBytes(main.resolve("img_001.jpg")), "a JPEG source is kept as it is");
        assertEntriesMatchFiles(main, images);
        assertEquals(320, images.getJsonObject(1).getInt("width"));
        assertEquals(240, images.getJsonObject(1).getInt("height"));
        assertEquals(2, host.requestsFor("/flaky/house2.jpg"), "a 500 is retried once it passes");
        assertEquals(2, host.requestsFor("/throttled/garden.png"), "a 429 is retried after its Retry-After");

        Path elm = IMAGES_ROOT.resolve(outputDir).resolve("9-elm-rd-4-tempe");
        JsonObject elmManifest = manifest(elm);
        assertEquals(List.of("img_001.jpg"), filenames(elmManifest.getJsonArray("images")));
        JsonArray failures = elmManifest.getJsonArray("failures");
        assertEquals(2, failures.size());
        assertAll(
                () -> assertEquals(2, failures.getJsonObject(0).getInt("position")),
                () -> assertTrue(failures.getJsonObject(0).getString("reason").contains("not an image"),
                        failures.getJsonObject(0).getString("reason")),
                () -> assertEquals(3, failures.getJsonObject(1).getInt("position")),
                () -> assertTrue(failures.getJsonObject(1).getString("reason").contains("404"),
                        failures.getJsonObject(1).getString("reason")),
                () -> assertEquals(1, host.requestsFor("/missing/nothing.jpg"), "a 404 is not retried"));

        JsonObject step = api.get("/jobexecutions/" + first + "/stepexecutions").body().asJsonArray().getJsonObject(0);
        JsonObject metrics = step.getJsonObject("metrics");
        assertEquals(8, metrics.getInt("READ_COUNT"));
        assertEquals(6, metrics.getInt("WRITE_COUNT"));
        assertEquals(2, metrics.getInt("PROCESS_SKIP_COUNT"));
        assertTrue(step.getString("exitStatus").startsWith("downloaded=6 cached=0 failed=2 bytes="), step.getString("exitStatus"));
        assertEquals(2, step.getJsonArray("partitions").size(), "one partition per property");

        int requestsBefore = host.requestsFor("/img/house.jpg") + host.requestsFor("/img/garden.png")
                + host.requestsFor("/img/kitchen.webp");
        long second = api.start("download-images", parameters(input, outputDir));
        JsonObject rerun = api.awaitEnd(second, TIMEOUT);

        JsonObject rerunStep = api.get("/jobexecutions/" + second + "/stepexecutions").body().asJsonArray().getJsonObject(0);
        assertEquals("COMPLETED", rerun.getString("batchStatus"));
        assertTrue(rerunStep.getString("exitStatus").startsWith("downloaded=0 cached=6 failed=2"), rerunStep.getString("exitStatus"));
        assertEquals(requestsBefore, host.requestsFor("/img/house.jpg") + host.requestsFor("/img/garden.png")
                + host.requestsFor("/img/kitchen.webp"), "cached images are not fetched again");
        assertEquals(images, manifest(main).getJsonArray("images"), "the manifest's entries are unchanged");
    }

    /**
     * On the server's own readers and plugin registration: an animation's first frame and a GIF's frame on their
     * canvas, a TIFF turned upright, BigTIFF, a BMP with a gap after its palette, a PNG without IEND saved; a
     * 12-bit JPEG refused with its reason.
     */
    @Test
    void savesEachFileAsBrowsersShowItAndRefusesA12BitJpeg() throws Exception {
        String outputDir = "it-" + UUID.randomUUID();
        String urls = FIDELITY_FIXTURES.stream().map(fixture -> '"' + host.url("/img/" + fixture) + '"').collect(Collectors.joining(", "));
        Path input = writeInput("{\"properties\": [{\"address\": \"1 Fidelity Way\", \"imageUrls\": [" + urls + "]}]}", ".json");

        JsonObject execution = api.awaitEnd(api.start("download-images", parameters(input, outputDir)), TIMEOUT);

        assertEquals("COMPLETED_WITH_FAILURES", execution.getString("exitStatus"));
        JsonObject manifest = manifest(IMAGES_ROOT.resolve(outputDir).resolve("1-fidelity-way"));
        List<String> saved = manifest.getJsonArray("images").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("original_format") + " " + e.getInt("width") + "x" + e.getInt("height")).toList();
        assertEquals(List.of("webp 64x48", "gif 64x48", "tiff 48x64", "tiff 128x128", "bmp 32x24", "png 32x32"), saved);
        JsonObject refused = manifest.getJsonArray("failures").getJsonObject(0);
        assertEquals(7, refused.getInt("position"));
        assertTrue(refused.getString("reason").startsWith("unsupported jpeg: 12-bit samples"), refused.getString("reason"));
    }

    @Test
    void restartsAStoppedExecutionFromItsCheckpointWithoutDuplicates() throws Exception {
        String outputDir = "it-" + UUID.randomUUID();
        List<String> urls = IntStream.rangeClosed(1, 12).mapToObj(i -> host.url("/slow/room" + i + ".jpg")).toList();
        Path input = writeInput("address,image_url\n"
                + urls.stream().map(url -> "\"42 Restart Ave, Mesa\"," + url).collect(Collectors.joining("\n")), ".csv");
        Path folder = IMAGES_ROOT.resolve(outputDir).resolve("42-restart-ave-mesa");

        long first = api.start("download-images", parameters(input, outputDir).replace("}", ", \"chunkSize\": 2}"));
        awaitImages(folder, 4);
        assertClientError(409, "", api.post("/jobexecutions/" + first + "/restart", "{}"));
        api.post("/jobexecutions/" + first + "/stop", "");
        JsonObject stopped = api.awaitEnd(first, TIMEOUT);
        assertEquals("STOPPED", stopped.getString("batchStatus"));
        int savedBeforeRestart = manifest(folder).getJsonArray("images").size();
        assertTrue(savedBeforeRestart < 12, "stopped before the end: " + savedBeforeRestart);

        long restarted = api.restart(first);
        JsonObject completed = api.awaitEnd(restarted, TIMEOUT);

        assertEquals("COMPLETED", completed.getString("batchStatus"));
        JsonArray images = manifest(folder).getJsonArray("images");
        assertEquals(IntStream.rangeClosed(1, 12).mapToObj(i -> String.format("img_%03d.jpg", i)).toList(), filenames(images));
        assertEntriesMatchFiles(folder, images);
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(13, files.count(), "12 images and the manifest, no temp files");
        }
        int fetched = urls.stream().mapToInt(url -> host.requestsFor(url.substring(url.indexOf("/slow/")))).sum();
        assertTrue(fetched <= 12 + 2, "at most one uncommitted chunk is fetched again, fetched " + fetched);
    }

    @Test
    void refusesHostileImagesWithAReasonAndKeepsTheRest() throws Exception {
        String outputDir = "it-" + UUID.randomUUID();
        Path input = writeInput("""
                {"properties": [{"address": "13 Hostile Hwy", "imageUrls": ["%s", "%s", "%s", "%s", "%s",
                  "http://169.254.169.254/latest/meta-data/", "http://127.0.0.2:1/a.jpg", "ftp://127.0.0.1/a.jpg"]}]}"""
                .formatted(host.url("/huge"), host.url("/img/bomb.png"), host.url("/img/truncated.png"),
                        host.url("/img/animated.webp"), host.url("/img/house.jpg")), ".json");

        JsonObject execution = api.awaitEnd(api.start("download-images", parameters(input, outputDir)), TIMEOUT);

        assertEquals("COMPLETED_WITH_FAILURES", execution.getString("exitStatus"));
        JsonObject manifest = manifest(IMAGES_ROOT.resolve(outputDir).resolve("13-hostile-hwy"));
        List<String> reasons = manifest.getJsonArray("failures").getValuesAs(JsonObject.class).stream()
                .map(f -> f.getInt("position") + ": " + f.getString("reason")).toList();
        assertEquals(6, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("1: body exceeds the limit of 2097152 bytes"), reasons.toString());
        assertTrue(reasons.get(1).startsWith("2: image too large: 100000x100000 pixels"), reasons.toString());
        assertTrue(reasons.get(2).startsWith("3: corrupt or truncated png"), reasons.toString());
        assertTrue(reasons.get(3).startsWith("6: refused: 169.254.169.254 is a link-local address"), reasons.toString());
        assertTrue(reasons.get(4).startsWith("7: refused: 127.0.0.2 is a loopback address"), reasons.toString());
        assertTrue(reasons.get(5).startsWith("8: not an http(s) URL"), reasons.toString());
        assertTrue(host.hugeBytesSent() < ImageHost.HUGE_LIMIT / 4,
                "the endless body was abandoned while streaming, after " + host.hugeBytesSent() + " bytes");
        JsonArray images = manifest.getJsonArray("images");
        assertEquals(List.of("img_004.jpg", "img_005.jpg"), filenames(images));
        assertTrue(images.getJsonObject(0).getBoolean("first_frame_only"), "an animated WebP keeps its first frame");
    }

    @Test
    void leavesAFolderWithACorruptManifestAloneAndGoesOn() throws Exception {
        String outputDir = "it-" + UUID.randomUUID();
        Path corrupt = Files.createDirectories(IMAGES_ROOT.resolve(outputDir).resolve("7-broken-ln"));
        Files.writeString(corrupt.resolve("images_manifest.json"), "{\"images\": [");
        Path input = writeInput("""
                {"properties": [
                  {"address": "7 Broken Ln", "imageUrls": ["%s"]},
                  {"address": "8 Sound Ave", "imageUrls": ["%s"]}
                ]}""".formatted(host.url("/img/house.jpg"), host.url("/img/garden.png")), ".json");

        JsonObject execution = api.awaitEnd(api.start("download-images", parameters(input, outputDir)), TIMEOUT);

        assertEquals("COMPLETED_WITH_FAILURES", execution.getString("exitStatus"));
        assertEquals("{\"images\": [", Files.readString(corrupt.resolve("images_manifest.json")));
        try (Stream<Path> files = Files.list(corrupt)) {
            assertEquals(1, files.count(), "nothing written beside the corrupt manifest");
        }
        assertEquals(1, manifest(IMAGES_ROOT.resolve(outputDir).resolve("8-sound-ave")).getJsonArray("images").size());
    }

    @Test
    void answersUserMistakesWithAClearClientError() throws Exception {
        Path good = writeInput("{\"properties\": [{\"address\": \"1 A St\", \"imageUrls\": [\"" + host.url("/img/house.jpg") + "\"]}]}", ".json");
        Path malformed = writeInput("{\"properties\": [{\"address\": \"1 A St\",\n \"imageUrls\": [\"x\" }]}", ".json");
        Path wrongType = writeInput("{\"properties\": [{\"address\": 7, \"imageUrls\": []}]}", ".json");
        Path badCsv = writeInput("street,url\n1 A St,http://127.0.0.1/x.jpg\n", ".csv");

        assertClientError(404, "no job named", api.post("/jobs/no-such-job/start", "{}"));
        assertClientError(400, "\"input\" is missing", api.post("/jobs/download-images/start", "{}"));
        assertClientError(400, "is not a file", api.post("/jobs/download-images/start", "{\"input\": \"/no/such/file.json\"}"));
        assertClientError(400, "line 2", api.post("/jobs/download-images/start", parameters(malformed, "x")));
        assertClientError(400, "properties[0].address must be a string", api.post("/jobs/download-images/start", parameters(wrongType, "x")));
        assertClientError(400, "header", api.post("/jobs/download-images/start", parameters(badCsv, "x")));
        assertClientError(400, "outside the images root", api.post("/jobs/download-images/start", parameters(good, "../../escape")));
        assertClientError(400, "unknown job parameter", api.post("/jobs/download-images/start", "{\"input\": \"" + good + "\", \"colour\": \"red\"}"));
        assertClientError(400, "malformed JSON", api.post("/jobs/download-images/start", "{\"input\": "));
        assertClientError(404, "", api.get("/jobexecutions/987654321"));

        long done = api.start("download-images", parameters(good, "it-" + UUID.randomUUID()));
        api.awaitEnd(done, TIMEOUT);
        assertClientError(409, "", api.post("/jobexecutions/" + done + "/restart", "{}"));
        assertClientError(409, "", api.post("/jobexecutions/" + done + "/stop", ""));
        assertEquals("ABANDONED", api.post("/jobexecutions/" + done + "/abandon", "").object().getString("batchStatus"));
        assertClientError(409, "", api.post("/jobexecutions/" + done + "/restart", "{}"));
    }

    @Test
    void listsJobsInstancesAndExecutions() throws Exception {
        Path input = writeInput("{\"properties\": [{\"address\": \"5 List St\", \"imageUrls\": [\"" + host.url("/img/house.jpg") + "\"]}]}", ".json");
        long id = api.start("download-images", parameters(input, "it-" + UUID.randomUUID()));
        api.awaitEnd(id, TIMEOUT);

        JsonObject job = api.get("/jobs").body().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(j -> j.getString("jobName").equals("download-images")).findFirst().orElseThrow();
        JsonObject instance = api.get("/jobinstances?jobName=download-images&count=1").body().asJsonArray().getJsonObject(0);
        JsonArray completed = api.get("/jobexecutions?jobName=download-images&status=completed").body().asJsonArray();
        JsonObject execution = api.execution(id);

        assertTrue(job.getInt("numberOfJobInstances") >= 1);
        assertEquals(id, instance.getJsonNumber("latestJobExecutionId").longValue());
        assertTrue(completed.getValuesAs(JsonObject.class).stream().anyMatch(e -> e.getJsonNumber("executionId").longValue() == id));
        for (String field : List.of("executionId", "jobName", "jobInstanceId", "batchStatus", "exitStatus", "createTime",
                "startTime", "endTime", "lastUpdatedTime", "jobParameters")) {
            assertTrue(execution.containsKey(field), "job execution has " + field + ": " + execution);
        }
        assertEquals(input.toString(), execution.getJsonObject("jobParameters").getString("input"));
        assertClientError(400, "unknown status", api.get("/jobexecutions?status=DONE"));
        assertClientError(400, "jobName is required", api.get("/jobinstances"));
    }

    private static void assertClientError(int status, String messagePart, BatchApi.Answer answer) {
        assertEquals(status, answer.status(), answer.body().toString());
        assertTrue(answer.message().contains(messagePart), "message \"" + answer.message() + "\" names " + messagePart);
        assertTrue(!answer.message().contains("Exception:") && !answer.message().contains("\tat "), "no stack trace: " + answer.message());
    }

    private static void awaitImages(Path folder, int count) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!Files.exists(folder.resolve("images_manifest.json"))
                || manifest(folder).getJsonArray("images").size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " images saved in " + folder);
            }
            Thread.sleep(50);
        }
    }
}
