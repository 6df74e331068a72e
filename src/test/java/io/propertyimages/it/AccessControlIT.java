package io.propertyimages.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may use the REST API, on a real Liberty: no or wrong credentials are 401, a monitor's change is 403 and changes
 * nothing, an admin may do everything. The roles reach the users through the WAR's own ibm-application-bnd.xml, as
 * deployed here by Arquillian and by the demo from dropins. Also: no job parameter, at start or at restart, puts the
 * output outside the images root.
 */
class AccessControlIT extends DeployedApplicationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private static ImageHost host;
    private final BatchApi admin = new BatchApi();
    private final BatchApi monitor = new BatchApi(BatchApi.MONITOR);
    private final BatchApi anonymous = new BatchApi(null);
    private final BatchApi wrongPassword = new BatchApi(new BatchApi.Credentials(BatchApi.ADMIN.user(), "not-the-password"));
    private final BatchApi monitorPasswordForAdmin = new BatchApi(new BatchApi.Credentials(BatchApi.ADMIN.user(), BatchApi.MONITOR.password()));

    @BeforeAll
    static void startImageHost() throws IOException {
        host = new ImageHost();
        host.add("house.jpg", TestImages.jpeg(320, 240));
        for (int i = 1; i <= 8; i++) {
            host.add("room" + i + ".jpg", TestImages.jpeg(100 + i, 80));
        }
    }

    @AfterAll
    static void stopImageHost() {
        host.close();
    }

    @Test
    void withoutValidCredentialsEveryEndpointIs401WithAChallengeAndAMessage() throws Exception {
        long id = finishedExecution();
        for (BatchApi stranger : List.of(anonymous, wrongPassword, monitorPasswordForAdmin)) {
            for (Request request : everyKindOfRequest(id)) {
                BatchApi.Answer answer = request.sendAs(stranger);
                assertEquals(401, answer.status(), request + " " + answer.body());
                assertEquals("Basic realm=\"property-images\"", answer.headers().firstValue("WWW-Authenticate").orElse(""), request.toString());
                assertTrue(answer.message().startsWith("authentication"), request + ": " + answer.message());
            }
        }
        assertTrue(anonymous.get("/jobs").message().contains("authentication required"));
        assertTrue(wrongPassword.get("/jobs").message().contains("wrong password"));
        assertEquals("COMPLETED", admin.execution(id).getString("batchStatus"), "nothing changed");
    }

    @Test
    void aMonitorReadsEverythingAndChangesNothing() throws Exception {
        long id = finishedExecution();
        int instancesBefore = instanceCount();

        for (Request request : everyKindOfRequest(id)) {
            BatchApi.Answer answer = request.sendAs(monitor);
            if (request.isRead()) {
                assertEquals(200, answer.status(), request + " " + answer.body());
            } else {
                assertEquals(403, answer.status(), request + " " + answer.body());
                assertEquals("user \"" + BatchApi.MONITOR.user() + "\" may not do this: it needs the role batchAdmin", answer.message());
                assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            }
        }
        assertEquals(instancesBefore, instanceCount(), "the monitor's start started nothing");
        assertEquals("COMPLETED", admin.execution(id).getString("batchStatus"), "the monitor's abandon abandoned nothing");
    }

    @Test
    void anAdminMayDoEverything() throws Exception {
        long id = finishedExecution();
        int instancesBefore = instanceCount();

        List<String> answered = everyKindOfRequest(id).stream().map(r -> r + " " + r.sendAs(admin).status()).toList();

        // The changes reached the JobOperator: a start, and a completed execution that cannot be restarted or stopped
        // but can be abandoned.
        assertEquals(List.of("GET /jobs 200", "GET /jobinstances?jobName=download-images 200",
                "GET /jobexecutions?jobName=download-images 200", "GET /jobexecutions/" + id + " 200",
                "GET /jobexecutions/" + id + "/stepexecutions 200", "POST /jobs/download-images/start 201",
                "POST /jobexecutions/" + id + "/restart 409", "POST /jobexecutions/" + id + "/stop 409",
                "POST /jobexecutions/" + id + "/abandon 200"), answered);
        assertEquals(instancesBefore + 1, instanceCount());
        assertEquals("ABANDONED", admin.execution(id).getString("batchStatus"));
    }

    @Test
    void neitherStartNorRestartPutsTheOutputOutsideTheImagesRoot() throws Exception {
        String outputDir = "it-" + UUID.randomUUID();
        host.slowDelayMillis = 300;
        Path input = input(IntStream.rangeClosed(1, 8).mapToObj(i -> host.url("/slow/room" + i + ".jpg")).toArray(String[]::new));
        Path outside = JobFiles.IMAGES_ROOT.resolveSibling("escaped-" + UUID.randomUUID());
        List<String> escapes = List.of("../" + outside.getFileName(), outside.toString(), "/tmp", "sub/../../" + outside.getFileName());

        for (String escape : escapes) {
            BatchApi.Answer refused = admin.post("/jobs/download-images/start", parameters(input, escape));
            assertEquals(400, refused.status(), escape + " " + refused.body());
            assertTrue(refused.message().contains("outside the images root"), refused.message());
        }

        long first = admin.start("download-images", parameters(input, outputDir).replace("}", ", \"chunkSize\": 1}"));
        Path folder = JobFiles.IMAGES_ROOT.resolve(outputDir).resolve("1-escape-ln");
        awaitFile(folder.resolve("img_001.jpg"));
        admin.post("/jobexecutions/" + first + "/stop", "");
        assertEquals("STOPPED", admin.awaitEnd(first, TIMEOUT).getString("batchStatus"));

        for (String escape : escapes) {
            String override = Json.createObjectBuilder().add("outputDir", escape).build().toString();
            BatchApi.Answer refused = admin.post("/jobexecutions/" + first + "/restart", override);
            assertEquals(400, refused.status(), escape + " " + refused.body());
            assertTrue(refused.message().contains("outside the images root"), refused.message());
        }
        assertEquals("STOPPED", admin.execution(first).getString("batchStatus"), "a refused restart leaves the execution as it was");

        JsonObject completed = admin.awaitEnd(admin.restart(first), TIMEOUT);
        assertEquals("COMPLETED", completed.getString("batchStatus"));
        assertEquals(JobFiles.IMAGES_ROOT.resolve(outputDir).toString(), completed.getJsonObject("jobParameters").getString("outputDir"));
        assertTrue(Files.isRegularFile(folder.resolve("img_008.jpg")));
        assertFalse(Files.exists(outside), "nothing written to " + outside);
    }

    /** One request of each kind the API has: every read, and every change. */
    private List<Request> everyKindOfRequest(long executionId) throws IOException {
        String start = parameters(input(host.url("/img/house.jpg")), "it-" + UUID.randomUUID());
        return List.of(
                Request.get("/jobs"),
                Request.get("/jobinstances?jobName=download-images"),
                Request.get("/jobexecutions?jobName=download-images"),
                Request.get("/jobexecutions/" + executionId),
                Request.get("/jobexecutions/" + executionId + "/stepexecutions"),
                Request.post("/jobs/download-images/start", start),
                Request.post("/jobexecutions/" + executionId + "/restart", "{}"),
                Request.post("/jobexecutions/" + executionId + "/stop", ""),
                Request.post("/jobexecutions/" + executionId + "/abandon", ""));
    }

    private record Request(String method, String path, String body) {
        static Request get(String path) {
            return new Request("GET", path, null);
        }

        static Request post(String path, String body) {
            return new Request("POST", path, body);
        }

        boolean isRead() {
            return method.equals("GET");
        }

        BatchApi.Answer sendAs(BatchApi api) {
            return isRead() ? api.get(path) : api.post(path, body);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private long finishedExecution() throws Exception {
        long id = admin.start("download-images", parameters(input(host.url("/img/house.jpg")), "it-" + UUID.randomUUID()));
        assertEquals("COMPLETED", admin.awaitEnd(id, TIMEOUT).getString("batchStatus"));
        return id;
    }

    private int instanceCount() {
        return admin.get("/jobs").body().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(job -> job.getString("jobName").equals("download-images"))
                .findFirst().orElseThrow().getInt("numberOfJobInstances");
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " not written within " + TIMEOUT);
            }
            Thread.sleep(50);
        }
    }

    private static String parameters(Path input, String outputDir) {
        return Json.createObjectBuilder().add("input", input.toString()).add("outputDir", outputDir).build().toString();
    }

    private static Path input(String... urls) throws IOException {
        String rows = List.of(urls).stream().map(url -> "1 Escape Ln," + url).collect(Collectors.joining("\n"));
        Path dir = Files.createDirectories(Path.of("target/it-inputs").toAbsolutePath());
        return Files.writeString(Files.createTempFile(dir, "access-", ".csv"), "address,image_url\n" + rows + "\n");
    }
}
