package io.propertyimages.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gallery's REST API on a real Liberty, after a download on loopback: the property folders, a manifest, the
 * images and their thumbnails (made once, kept outside the images root), what they refuse, and who may read them.
 */
class GalleryIT extends DeployedApplicationTest {
    private static final Path SERVER_DIR = Path.of("target/liberty/wlp/usr/servers", System.getProperty("it.server.name", "itServer")).toAbsolutePath();
    private static final Path THUMBNAILS_ROOT = SERVER_DIR.resolve("thumbnails");
    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port", "9081");
    private static final byte[] HOUSE_JPG = TestImages.jpeg(1024, 768);

    private static ImageHost host;
    private static String outputDir;
    private static String folder;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void downloadAProperty() throws Exception {
        host = new ImageHost();
        host.add("house.jpg", HOUSE_JPG);
        host.add("garden.png", TestImages.pngWithAlpha(640, 960));
        outputDir = "gallery-" + UUID.randomUUID();
        folder = outputDir + "/12-gallery-way-mesa";
        Path input = JobFiles.writeInput("""
                {"properties": [{"address": "12 Gallery Way, Mesa", "imageUrls": ["%s", "%s", "%s"]}]}"""
                .formatted(host.url("/img/house.jpg"), host.url("/img/garden.png"), host.url("/missing/gone.jpg")), ".json");
        BatchApi api = new BatchApi();
        long execution = api.start("download-images", JobFiles.parameters(input, outputDir));
        assertEquals("COMPLETED", api.awaitEnd(execution, Duration.ofSeconds(60)).getString("batchStatus"));
    }

    @AfterAll
    static void stopImageHost() {
        host.close();
    }

    @Test
    void listsThePropertyWithItsTotalsAsTheJobRecordedThemFilteredAndPagedByTheDatabase() throws Exception {
        JsonObject page = page("/api/properties?filter=" + outputDir.toUpperCase(Locale.ROOT));
        assertEquals(1, page.getInt("total"), page.toString());
        JsonObject property = page.getJsonArray("properties").getJsonObject(0);
        assertEquals(folder, property.getString("folder"));

        assertEquals("12 Gallery Way, Mesa", property.getString("address"));
        assertEquals(2, property.getInt("images"));
        assertEquals(1, property.getInt("failures"));
        long bytes = Files.size(JobFiles.IMAGES_ROOT.resolve(folder).resolve("img_001.jpg"))
                + Files.size(JobFiles.IMAGES_ROOT.resolve(folder).resolve("img_002.jpg"));
        assertEquals(bytes, property.getJsonNumber("bytes").longValue());
        assertFalse(property.isNull("lastDownload"));

        JsonObject all = page("/api/properties?count=1");
        assertEquals(1, all.getJsonArray("properties").size(), "a page of one");
        assertTrue(all.getInt("total") >= 1, all.toString());
        assertEquals(400, get("/api/properties?count=0", BatchApi.MONITOR).statusCode());
    }

    @Test
    void servesTheManifestAsOnDisk() throws Exception {
        HttpResponse<String> answer = get("/api/properties/" + folder, BatchApi.MONITOR);

        assertEquals(200, answer.statusCode());
        JsonObject manifest = Json.createReader(new StringReader(answer.body())).readObject();
        assertEquals(JobFiles.manifest(JobFiles.IMAGES_ROOT.resolve(folder)), manifest);
    }

    @Test
    void servesTheFullImageAndAThumbnailMadeOnceOutsideTheImagesRoot() throws Exception {
        HttpResponse<byte[]> image = getBytes("/api/properties/" + folder + "/images/img_001.jpg");
        assertEquals(200, image.statusCode());
        assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(HOUSE_JPG, image.body());

        HttpResponse<byte[]> thumbnail = getBytes("/api/properties/" + folder + "/thumbnails/img_002.jpg");
        assertEquals(200, thumbnail.statusCode());
        var thumbnailImage = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertEquals("213x320", thumbnailImage.getWidth() + "x" + thumbnailImage.getHeight(), "640x960 at most 320 on its longer edge");
        String hash = JobFiles.manifest(JobFiles.IMAGES_ROOT.resolve(folder)).getJsonArray("images").getJsonObject(1)
                .getString("content_hash");
        Path cached = THUMBNAILS_ROOT.resolve(hash.substring(0, 2)).resolve(hash + "-320.jpg");
        assertArrayEquals(Files.readAllBytes(cached), thumbnail.body());
        try (Stream<Path> files = Files.list(JobFiles.IMAGES_ROOT.resolve(folder))) {
            assertEquals(List.of("images_manifest.json", "img_001.jpg", "img_002.jpg"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "nothing added to the property folder");
        }
        long made = Files.getLastModifiedTime(cached).toMillis();
        String etag = thumbnail.headers().firstValue("ETag").orElseThrow();

        assertEquals(304, send(request("/api/properties/" + folder + "/thumbnails/img_002.jpg", BatchApi.ADMIN)
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode());
        assertArrayEquals(thumbnail.body(), getBytes("/api/properties/" + folder + "/thumbnails/img_002.jpg").body());
        assertEquals(made, Files.getLastModifiedTime(cached).toMillis(), "made once");
    }

    @Test
    void answers404WithAMessageForWhatIsNotThere() throws Exception {
        assertNotFound("/api/properties/" + outputDir + "/no-such-street", "no property folder");
        assertNotFound("/api/properties/" + outputDir, "no property folder");
        assertNotFound("/api/properties/" + folder + "/images/img_003.jpg", "lists no image img_003.jpg");
        assertNotFound("/api/properties/" + folder + "/thumbnails/img_009.jpg", "lists no image img_009.jpg");
        assertNotFound("/api/properties/" + folder + "/images/.img_001.jpg", "lists no image");
        assertNotFound("/api/properties/" + folder + "/images/images_manifest.json", "no property folder");
        assertNotFound("/api/properties/" + folder + "/../../" + folder, "no property folder");
    }

    @Test
    void thePageAndTheGalleryNeedAUser() throws Exception {
        for (String path : List.of("/", "/index.html", "/app/main.js", "/api/properties",
                "/api/properties/" + folder + "/thumbnails/img_001.jpg")) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(BASE + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, answer.statusCode(), path);
            assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), path);
        }
        HttpResponse<String> page = get("/", BatchApi.MONITOR);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script type=\"module\" src=\"app/main.js\">"), page.body());
        assertEquals("{\"admin\":false,\"name\":\"" + BatchApi.MONITOR.user() + "\"}", get("/api/user", BatchApi.MONITOR).body());
        assertEquals("{\"admin\":true,\"name\":\"" + BatchApi.ADMIN.user() + "\"}", get("/api/user", BatchApi.ADMIN).body());
    }

    private void assertNotFound(String path, String expectedMessage) throws Exception {
        HttpResponse<String> answer = get(path, BatchApi.ADMIN);
        assertEquals(404, answer.statusCode(), path + ": " + answer.body());
        String message = Json.createReader(new StringReader(answer.body())).readObject().getString("message");
        assertTrue(message.contains(expectedMessage), path + ": " + message);
    }

    /** A page of {@code GET /api/properties}, as the monitor reads it. */
    private JsonObject page(String path) throws Exception {
        HttpResponse<String> answer = get(path, BatchApi.MONITOR);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonValue body = Json.createReader(new StringReader(answer.body())).readValue();
        assertEquals(JsonValue.ValueType.OBJECT, body.getValueType(), "a page, not " + answer.body());
        return body.asJsonObject();
    }

    private HttpResponse<String> get(String path, BatchApi.Credentials user) throws Exception {
        return send(request(path, user).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String path) throws Exception {
        return send(request(path, BatchApi.MONITOR).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder request(String path, BatchApi.Credentials user) {
        return HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", user.basicAuthorization()).GET();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        return http.send(request, body);
    }
}
