package io.propertyimages.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/inputs} on a real Liberty: an input file sent in the body is kept under the server's inputs.root,
 * checked as a start request checks it, and then runs as any input; a refused one leaves nothing behind.
 */
class InputsIT extends DeployedApplicationTest {
    /** The test server's inputs.root: its default, under the server's output folder. */
    private static final Path INPUTS_ROOT = Path.of("target/liberty/wlp/usr/servers",
            System.getProperty("it.server.name", "itServer"), "inputs").toAbsolutePath();
    /** The test server's inputs.max.bytes (src/test/liberty/configDropins/overrides). */
    private static final int MAX_BYTES = 1_048_576;

    private static ImageHost host;
    private final BatchApi admin = new BatchApi();

    @BeforeAll
    static void startImageHost() throws IOException {
        host = new ImageHost();
        host.add("house.jpg", TestImages.jpeg(320, 240));
        host.add("garden.jpg", TestImages.jpeg(200, 100));
    }

    @AfterAll
    static void stopImageHost() {
        host.close();
    }

    @Test
    void keepsAnUploadedFileThatThenRunsAsTheJobsInput() throws Exception {
        String csv = "address,image_url\n\"5 Upload Ln, Mesa\"," + host.url("/img/house.jpg") + "\n"
                + "\"5 Upload Ln, Mesa\"," + host.url("/img/garden.jpg") + "\n";

        BatchApi.Answer answer = admin.post("/inputs?name=listings.csv", "text/csv", BodyPublishers.ofString(csv));

        assertEquals(201, answer.status(), answer.body().toString());
        Path stored = Path.of(answer.object().getString("input"));
        assertEquals(INPUTS_ROOT, stored.getParent());
        assertTrue(stored.getFileName().toString().endsWith("-listings.csv"), stored.toString());
        assertEquals(csv, Files.readString(stored));
        assertEquals(1, answer.object().getInt("properties"));
        assertEquals(2, answer.object().getInt("urls"));

        String outputDir = "it-" + UUID.randomUUID();
        long execution = admin.start("download-images", JobFiles.parameters(stored, outputDir));
        JsonObject ended = admin.awaitEnd(execution, Duration.ofSeconds(90));
        assertEquals("COMPLETED", ended.getString("batchStatus"));
        assertEquals("COMPLETED", ended.getString("exitStatus"));
        assertEquals(List.of("img_001.jpg", "img_002.jpg"),
                JobFiles.filenames(JobFiles.manifest(JobFiles.IMAGES_ROOT.resolve(outputDir).resolve("5-upload-ln-mesa"))
                        .getJsonArray("images")));
    }

    @Test
    void refusesMalformedInputNamingTheProblemAndKeepsNothing() throws IOException {
        List<Path> before = storedFiles();

        BatchApi.Answer badJson = admin.post("/inputs", "application/json",
                BodyPublishers.ofString("{\"properties\": [{\"address\": \"1 A St\", \"imageUrls\": [\"http://h/1.jpg\"]"));
        BatchApi.Answer missingField = admin.post("/inputs", "application/json",
                BodyPublishers.ofString("{\"properties\": [{\"imageUrls\": [\"http://h/1.jpg\"]}]}"));
        BatchApi.Answer badHeader = admin.post("/inputs", "text/csv; charset=utf-8",
                BodyPublishers.ofString("addr,url\n1 A St,http://h/1.jpg\n"));
        BatchApi.Answer badName = admin.post("/inputs?name=../../escape.csv", "text/csv",
                BodyPublishers.ofString("address,image_url\n1 A St,http://h/1.jpg\n"));
        BatchApi.Answer wrongType = admin.post("/inputs", "text/plain", BodyPublishers.ofString("address,image_url\n"));

        assertEquals(400, badJson.status(), badJson.body().toString());
        assertTrue(badJson.message().startsWith("input: "), badJson.message());
        assertEquals(400, missingField.status(), missingField.body().toString());
        assertTrue(missingField.message().contains("address"), missingField.message());
        assertEquals(400, badHeader.status(), badHeader.body().toString());
        assertTrue(badHeader.message().contains("address,image_url"), badHeader.message());
        assertEquals(400, badName.status(), badName.body().toString());
        assertTrue(badName.message().contains("../../escape.csv"), badName.message());
        assertEquals(415, wrongType.status(), wrongType.body().toString());
        assertTrue(wrongType.message().contains("text/plain"), wrongType.message());
        assertEquals(before, storedFiles(), "nothing is kept, not even a temp file");
    }

    @Test
    void refusesAMonitorAndAFileOverTheCap() throws IOException {
        List<Path> before = storedFiles();
        String valid = "{\"properties\": [{\"address\": \"1 A St\", \"imageUrls\": [\"http://h/1.jpg\"]}]}";
        String tooBig = "{\"properties\": [], \"padding\": \"" + "x".repeat(MAX_BYTES) + "\"}";

        BatchApi.Answer monitor = new BatchApi(BatchApi.MONITOR).post("/inputs", "application/json", BodyPublishers.ofString(valid));
        BatchApi.Answer announced = admin.post("/inputs", "application/json", BodyPublishers.ofString(tooBig));
        BatchApi.Answer streamed = admin.post("/inputs", "application/json",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooBig.getBytes())));

        assertEquals(403, monitor.status(), monitor.body().toString());
        assertTrue(monitor.message().contains("batchAdmin"), monitor.message());
        for (BatchApi.Answer answer : List.of(announced, streamed)) {
            assertEquals(413, answer.status(), answer.body().toString());
            assertTrue(answer.message().contains("limit of " + MAX_BYTES + " bytes"), answer.message());
        }
        assertEquals(before, storedFiles());
    }

    private static List<Path> storedFiles() throws IOException {
        if (!Files.isDirectory(INPUTS_ROOT)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(INPUTS_ROOT)) {
            return files.sorted().toList();
        }
    }
}
