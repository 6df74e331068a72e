package io.propertyimages.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator watches, on a real Liberty: health, metrics and the OpenAPI document without credentials, and an
 * execution's progress, failures and log over the REST API.
 */
class ObservabilityIT extends DeployedApplicationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private static ImageHost host;
    private final BatchApi api = new BatchApi();
    private final ServerEndpoints endpoints = new ServerEndpoints();

    @BeforeAll
    static void startImageHost() throws IOException {
        host = new ImageHost();
        host.add("house.jpg", TestImages.jpeg(640, 480));
        for (int i = 1; i <= 12; i++) {
            host.add("room" + i + ".jpg", TestImages.jpeg(300 + i, 200));
        }
    }

    @AfterAll
    static void stopImageHost() {
        host.close();
    }

    @Test
    void healthIsUpWithoutCredentials() {
        HttpResponse<String> ready = endpoints.get("/health/ready", "application/json");
        HttpResponse<String> live = endpoints.get("/health/live", "application/json");

        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject readiness = endpoints.json("/health/ready");
        assertEquals("UP", readiness.getString("status"));
        assertEquals("UP", ServerEndpoints.check(readiness, "job-repository").getString("status"));
        JsonObject imagesRoot = ServerEndpoints.check(readiness, "images-root");
        assertEquals("UP", imagesRoot.getString("status"));
        assertEquals(JobFiles.IMAGES_ROOT.toString(), imagesRoot.getJsonObject("data").getString("path"));
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", ServerEndpoints.check(endpoints.json("/health/live"), "batch-engine").getString("status"));
    }

    @Test
    void notReadyWhileTheImagesRootCannotTakeFiles() throws IOException {
        Path aside = JobFiles.IMAGES_ROOT.resolveSibling("it-images-aside");
        Files.move(JobFiles.IMAGES_ROOT, aside);
        try {
            Files.writeString(JobFiles.IMAGES_ROOT, "a file where the images root should be");
            HttpResponse<String> ready = endpoints.get("/health/ready", "application/json");
            HttpResponse<String> live = endpoints.get("/health/live", "application/json");

            assertEquals(503, ready.statusCode(), ready.body());
            JsonObject imagesRoot = ServerEndpoints.check(endpoints.json("/health/ready"), "images-root");
            assertEquals("DOWN", imagesRoot.getString("status"));
            String reason = imagesRoot.getJsonObject("data").getString("reason");
            assertTrue(reason.startsWith(JobFiles.IMAGES_ROOT + " is not writable: FileAlreadyExistsException"), reason);
            assertEquals(200, live.statusCode(), "alive all the same: " + live.body());
        } finally {
            Files.delete(JobFiles.IMAGES_ROOT);
            Files.move(aside, JobFiles.IMAGES_ROOT);
        }
        assertEquals(200, endpoints.get("/health/ready", "application/json").statusCode());
    }

    @Test
    void metricsCountWhatAJobDid() throws Exception {
        Path input = JobFiles.writeInput("address,image_url\n\"4 Metric Way\"," + host.url("/img/house.jpg") + "\n\"4 Metric Way\","
                + host.url("/img/room1.jpg") + "\n\"4 Metric Way\"," + host.url("/missing/gone.jpg"), ".csv");
        String outputDir = "it-" + UUID.randomUUID();
        double downloaded = endpoints.metric("images_downloaded_total");
        double cached = endpoints.metric("images_cached_total");
        double failed = endpoints.metric("images_failed_total");
        double bytes = endpoints.metric("images_bytes_total");
        double downloads = endpoints.metric("images_download_latency_seconds_count");
        double conversions = endpoints.metric("images_conversion_time_seconds_count");
        double running = endpoints.metric("jobs_running");

        api.awaitEnd(api.start("download-images", JobFiles.parameters(input, outputDir)), TIMEOUT);
        api.awaitEnd(api.start("download-images", JobFiles.parameters(input, outputDir)), TIMEOUT);

        assertEquals(2, endpoints.metric("images_downloaded_total") - downloaded);
        assertEquals(2, endpoints.metric("images_cached_total") - cached, "the second run finds both saved");
        assertEquals(2, endpoints.metric("images_failed_total") - failed, "the missing one fails in each run");
        assertEquals(JobFiles.manifest(JobFiles.IMAGES_ROOT.resolve(outputDir).resolve("4-metric-way")).getJsonArray("images")
                .getValuesAs(JsonObject.class).stream().mapToLong(e -> e.getJsonNumber("file_size_bytes").longValue()).sum(),
                endpoints.metric("images_bytes_total") - bytes);
        assertEquals(4, endpoints.metric("images_download_latency_seconds_count") - downloads, "2 images and 2 tries of the missing one");
        assertEquals(2, endpoints.metric("images_conversion_time_seconds_count") - conversions);
        assertEquals(running, endpoints.metric("jobs_running"), "both have ended");
    }

    @Test
    void jobsRunningCountsAnExecutionWhileItRuns() throws Exception {
        double before = endpoints.metric("jobs_running"); // not 0 when a killed server left executions STARTED
        long id = api.start("download-images", JobFiles.parameters(JobFiles.writeInput(slowProperty("5 Gauge Ct"), ".csv"),
                "it-" + UUID.randomUUID()));
        awaitProgress(id, 1);

        assertEquals(before + 1, endpoints.metric("jobs_running"));
        api.awaitEnd(id, TIMEOUT);
        assertEquals(before, endpoints.metric("jobs_running"));
    }

    @Test
    void openApiDocumentsTheApiWithoutCredentials() {
        JsonObject document = endpoints.json("/openapi");
        HttpResponse<String> ui = endpoints.get("/openapi/ui/", "text/html");

        JsonObject paths = document.getJsonObject("paths");
        for (String path : List.of("/api/jobs", "/api/jobs/{jobName}/start", "/api/jobexecutions/{executionId}",
                "/api/jobexecutions/{executionId}/failures", "/api/jobexecutions/{executionId}/log",
                "/api/jobexecutions/{executionId}/restart", "/api/purge")) {
            assertTrue(paths.containsKey(path), path + " in " + paths.keySet());
        }
        JsonObject start = paths.getJsonObject("/api/jobs/{jobName}/start").getJsonObject("post");
        assertTrue(start.getString("summary").startsWith("Starts a job"), start.toString());
        assertEquals("#/components/responses/BadRequest", start.getJsonObject("responses").getJsonObject("400").getString("$ref"));
        JsonObject execution = paths.getJsonObject("/api/jobexecutions/{executionId}").getJsonObject("get");
        assertEquals("#/components/schemas/JobExecutionView", execution.getJsonObject("responses").getJsonObject("200")
                .getJsonObject("content").getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
        JsonObject components = document.getJsonObject("components");
        assertTrue(components.getJsonObject("schemas").getJsonObject("JobExecutionView").getJsonObject("properties")
                .containsKey("progress"), "progress is documented");
        assertEquals("basic", components.getJsonObject("securitySchemes").getJsonObject("basic").getString("scheme"));
        assertTrue(components.getJsonObject("responses").getJsonObject("BadRequest").toString().contains("ErrorMessage"),
                components.getJsonObject("responses").toString());
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().contains("<html"), ui.body());
    }

    @Test
    void progressIsReportedWhileTheJobRunsAndAfterItEnded() throws Exception {
        Path input = JobFiles.writeInput(slowProperty("1 Progress Pl"), ".csv");
        String outputDir = "it-" + UUID.randomUUID();

        long id = api.start("download-images", JobFiles.parameters(input, outputDir).replace("}", ", \"chunkSize\": 2}"));
        JsonObject running = awaitProgress(id, 4);
        JsonObject ended = api.awaitEnd(id, TIMEOUT);

        assertEquals("STARTED", running.getString("batchStatus"));
        JsonObject during = running.getJsonObject("progress");
        assertEquals(12, during.getInt("total"));
        assertTrue(during.getInt("done") >= 4 && during.getInt("done") < 12, during.toString());
        assertEquals(during.getInt("done"), during.getInt("downloaded"));
        assertTrue(during.getJsonNumber("bytes").longValue() > 0, during.toString());
        assertTrue(during.getJsonNumber("imagesPerSecond").doubleValue() > 0, during.toString());

        assertEquals("COMPLETED", ended.getString("batchStatus"));
        JsonObject after = ended.getJsonObject("progress");
        assertEquals(12, after.getInt("total"));
        assertEquals(12, after.getInt("done"));
        assertEquals(12, after.getInt("downloaded"));
        assertEquals(0, after.getInt("cached") + after.getInt("failed"));
        assertEquals(manifestBytes(JobFiles.IMAGES_ROOT.resolve(outputDir).resolve("1-progress-pl")), after.getJsonNumber("bytes").longValue());
        double rate = after.getJsonNumber("imagesPerSecond").doubleValue();
        assertTrue(rate > 0 && rate < 1000.0 / host.slowDelayMillis + 0.5, "12 images at one per " + host.slowDelayMillis + " ms: " + rate);
        assertEquals(after, api.execution(id).getJsonObject("progress"), "an ended execution's progress stays as it is");
    }

    @Test
    void aRestartHasOnlyWhatIsLeftToDo() throws Exception {
        Path input = JobFiles.writeInput(slowProperty("2 Restart Row"), ".csv");

        long first = api.start("download-images", JobFiles.parameters(input, "it-" + UUID.randomUUID()).replace("}", ", \"chunkSize\": 2}"));
        awaitProgress(first, 4);
        api.post("/jobexecutions/" + first + "/stop", "");
        JsonObject stopped = api.awaitEnd(first, TIMEOUT);
        long restarted = api.restart(first);
        JsonObject completed = api.awaitEnd(restarted, TIMEOUT);

        assertEquals("STOPPED", stopped.getString("batchStatus"));
        int doneBefore = stopped.getJsonObject("progress").getInt("done");
        JsonObject progress = completed.getJsonObject("progress");
        assertEquals(12 - doneBefore, progress.getInt("total"), "the stopped execution did " + doneBefore);
        assertEquals(progress.getInt("total"), progress.getInt("done"));
        List<String> stoppedLog = api.text("/jobexecutions/" + first + "/log").lines().toList();
        List<String> restartedLog = api.text("/jobexecutions/" + restarted + "/log").lines().toList();
        assertTrue(stoppedLog.get(stoppedLog.size() - 1).contains(" WARNING Ended STOPPED: downloaded=" + doneBefore), stoppedLog.toString());
        assertTrue(restartedLog.get(0).contains(" INFO    Restarted download-images from execution " + first + " with {"), restartedLog.toString());
        assertTrue(restartedLog.get(restartedLog.size() - 1).contains("Ended COMPLETED: downloaded=" + (12 - doneBefore)), restartedLog.toString());
    }

    @Test
    void failuresOfEachExecutionArePagedWithTheirReasons() throws Exception {
        List<String> failing = List.of(host.url("/missing/a.jpg"), host.url("/html"), host.url("/missing/b.jpg"),
                host.url("/missing/c.jpg"));
        Path input = JobFiles.writeInput("address,image_url\n" + "\"3 Failure Ct\"," + host.url("/img/house.jpg") + "\n"
                + failing.stream().map(url -> "\"3 Failure Ct\"," + url).collect(Collectors.joining("\n")), ".csv");
        String outputDir = "it-" + UUID.randomUUID();
        long first = api.start("download-images", JobFiles.parameters(input, outputDir));
        api.awaitEnd(first, TIMEOUT);
        long second = api.start("download-images", JobFiles.parameters(input, outputDir));
        api.awaitEnd(second, TIMEOUT);

        JsonObject page1 = api.get("/jobexecutions/" + first + "/failures?count=3").object();
        JsonObject page2 = api.get("/jobexecutions/" + first + "/failures?start=3&count=3").object();
        JsonObject beyond = api.get("/jobexecutions/" + first + "/failures?start=4").object();
        JsonObject ofSecond = api.get("/jobexecutions/" + second + "/failures").object();

        assertEquals(4, page1.getInt("total"));
        assertEquals(List.of(failing.get(0), failing.get(1), failing.get(2)), urls(page1));
        assertEquals(List.of(failing.get(3)), urls(page2));
        assertEquals(3, page2.getInt("start"));
        assertEquals(List.of(), urls(beyond));
        JsonObject notFound = page1.getJsonArray("failures").getJsonObject(0);
        assertEquals("3 Failure Ct", notFound.getString("address"));
        assertEquals(2, notFound.getInt("position"));
        assertTrue(notFound.getString("reason").contains("404"), notFound.toString());
        assertEquals(1, notFound.getInt("attempts"));
        assertTrue(notFound.getString("failedAt").endsWith("Z"), notFound.toString());
        assertTrue(page1.getJsonArray("failures").getJsonObject(1).getString("reason").contains("not an image"));
        assertEquals(4, ofSecond.getInt("total"), "the second execution has failures of its own");
        assertEquals(failing, urls(ofSecond));

        assertClientError(400, "count must be a whole number from 1 to 1000", api.get("/jobexecutions/" + first + "/failures?count=0"));
        assertClientError(400, "start must be a whole number 0 or more", api.get("/jobexecutions/" + first + "/failures?start=x"));
        assertClientError(404, "", api.get("/jobexecutions/987654321/failures"));
    }

    @Test
    void theLogOfAnExecutionTellsWhatItDid() throws Exception {
        String missing = host.url("/missing/porch.jpg");
        Path input = JobFiles.writeInput("address,image_url\n"
                + "\"6 Log Ln\"," + host.url("/img/room1.jpg") + "\n\"6 Log Ln\"," + host.url("/img/room2.jpg") + "\n"
                + "\"7 Log Ln\"," + host.url("/img/room3.jpg") + "\n\"7 Log Ln\"," + missing, ".csv");
        long id = api.start("download-images", JobFiles.parameters(input, "it-" + UUID.randomUUID()));
        JsonObject ended = api.awaitEnd(id, TIMEOUT);

        List<String> lines = new BatchApi(BatchApi.MONITOR).text("/jobexecutions/" + id + "/log").lines().toList();

        assertEquals("COMPLETED_WITH_FAILURES", ended.getString("exitStatus"));
        assertTrue(lines.stream().allMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z (INFO   |WARNING) .+")), lines.toString());
        assertTrue(lines.get(0).contains("INFO    Started download-images with {input=" + input + ", outputDir="), lines.get(0));
        assertTrue(lines.get(1).contains("Input " + input + ": 4 image URLs of 2 properties"), lines.get(1));
        assertEquals(1, lines.stream().filter(line -> line.contains("INFO    Property \"6 Log Ln\": downloaded=2 cached=0 failed=0 bytes=")).count(), lines.toString());
        assertEquals(1, lines.stream().filter(line -> line.contains("INFO    Property \"7 Log Ln\": downloaded=1 cached=0 failed=1 bytes=")).count(), lines.toString());
        assertEquals(1, lines.stream().filter(line -> line.contains("WARNING Failed to save " + missing + " (7 Log Ln, image 2) after 1 attempts: HTTP 404")).count(), lines.toString());
        assertTrue(lines.get(lines.size() - 1).contains("INFO    Ended COMPLETED (COMPLETED_WITH_FAILURES): downloaded=3 cached=0 failed=1 bytes="), lines.toString());
        assertEquals(6, lines.size(), lines.toString());
        assertEquals(404, api.get("/jobexecutions/987654321/log").status());
    }

    @Test
    void aCleanupKeepsItsOwnLogToo() throws Exception {
        String outputDir = "it-" + UUID.randomUUID();
        Path input = JobFiles.writeInput("address,image_url\n\"8 Clean Ct\"," + host.url("/img/room4.jpg"), ".csv");
        api.awaitEnd(api.start("download-images", JobFiles.parameters(input, outputDir)), TIMEOUT);

        long cleanup = api.start("cleanup-images", "{\"outputDir\": \"" + outputDir + "\", \"maxAgeDays\": 0, \"dryRun\": true}");
        JsonObject ended = api.awaitEnd(cleanup, TIMEOUT);
        List<String> lines = api.text("/jobexecutions/" + cleanup + "/log").lines().toList();

        assertEquals("COMPLETED", ended.getString("batchStatus"), ended.toString());
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("INFO    Started cleanup-images with {dryRun=true, maxAgeDays=0, outputDir="), lines.get(0));
        assertTrue(lines.get(1).contains("8-clean-ct") && lines.get(1).contains("would delete img_001.jpg"), lines.get(1));
        assertTrue(lines.get(2).contains("INFO    Summary: dryRun deleted=1 "), lines.get(2));
        assertTrue(lines.get(3).contains("INFO    Ended COMPLETED (dryRun deleted=1 "), lines.get(3));
        assertNull(ended.get("progress"), "a cleanup has no progress");
    }

    private JsonObject awaitProgress(long executionId, int done) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            JsonObject execution = api.execution(executionId);
            if (execution.containsKey("progress") && execution.getJsonObject("progress").getInt("done") >= done) {
                return execution;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("execution " + executionId + " did not get to " + done + " done: " + execution);
            }
            Thread.sleep(50);
        }
    }

    /** A property with 12 images that each take the image host {@code slowDelayMillis}. */
    private static String slowProperty(String address) {
        return "address,image_url\n" + IntStream.rangeClosed(1, 12)
                .mapToObj(i -> "\"" + address + "\"," + host.url("/slow/room" + i + ".jpg")).collect(Collectors.joining("\n"));
    }

    private static List<String> urls(JsonObject page) {
        return page.getJsonArray("failures").getValuesAs(JsonObject.class).stream().map(f -> f.getString("url")).toList();
    }

    private static long manifestBytes(Path folder) throws IOException {
        return JobFiles.manifest(folder).getJsonArray("images").getValuesAs(JsonObject.class).stream().mapToLong(e -> e.getJsonNumber("file_size_bytes").longValue()).sum();
    }

    private static void assertClientError(int status, String messagePart, BatchApi.Answer answer) {
        assertEquals(status, answer.status(), answer.body().toString());
        assertTrue(answer.message().contains(messagePart), "message \"" + answer.message() + "\" names " + messagePart);
    }

}
