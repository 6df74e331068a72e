package io.propertyimages.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An execution's progress and failures over the REST API, on a real Liberty. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ObservabilityIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private static ImageHost host;
    private final BatchApi api = new BatchApi();

    @Deployment(testable = false)
    static WebArchive application() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/property-images.war"));
    }

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
