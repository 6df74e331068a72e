package io.propertyimages.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Schedules on a real Liberty: each run is a download-images execution of a one-image input served on loopback. The
 * restart is a real one, of a {@link LibertyServerProcess}: Arquillian's own server cannot be restarted from inside a test.
 */
class SchedulesIT extends DeployedApplicationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static ImageHost host;
    private static Path input;
    private final BatchApi api = new BatchApi();
    private final List<Long> created = new ArrayList<>();

    @BeforeAll
    static void startImageHost() throws IOException {
        host = new ImageHost();
        host.add("porch.jpg", TestImages.jpeg(64, 48));
        Path dir = Files.createDirectories(Path.of("target/it-inputs").toAbsolutePath());
        input = Files.writeString(Files.createTempFile(dir, "schedule-", ".json"),
                "{\"properties\": [{\"address\": \"1 Cron Ct\", \"imageUrls\": [\"" + host.url("/img/porch.jpg") + "\"]}]}");
    }

    @AfterAll
    static void stopImageHost() {
        host.close();
    }

    /** A failed test leaves no schedule running into the other tests. */
    @AfterEach
    void deleteCreatedSchedules() {
        created.forEach(id -> api.delete("/schedules/" + id));
    }

    @Test
    void anIntervalScheduleRunsIsListedAndStopsOnceDeleted() throws Exception {
        String outputDir = "it-schedule-" + UUID.randomUUID();
        Instant before = Instant.now();

        BatchApi.Answer answer = api.post("/schedules", schedule(outputDir, "\"intervalSeconds\": 1"));

        assertEquals(201, answer.status(), answer.body().toString());
        JsonObject schedule = answer.object();
        long id = schedule.getJsonNumber("id").longValue();
        created.add(id);
        assertEquals(schedule.getString("href"), answer.headers().firstValue("Location").orElseThrow());
        assertTrue(schedule.getString("href").endsWith("/api/schedules/" + id), schedule.getString("href"));
        assertEquals("download-images", schedule.getString("jobName"));
        assertEquals(1, schedule.getInt("intervalSeconds"));
        assertEquals(input.toString(), schedule.getJsonObject("jobParameters").getString("input"));
        assertTrue(schedule.getJsonObject("jobParameters").getString("outputDir").endsWith("/" + outputDir));
        assertTrue(schedule.isNull("cron") && schedule.isNull("zone") && schedule.isNull("lastExecutionId")
                && schedule.isNull("lastExecutionStatus"), "fields without a value are null: " + schedule);
        Instant nextRun = Instant.parse(schedule.getString("nextRun"));
        assertTrue(nextRun.isAfter(before) && nextRun.isBefore(Instant.now().plusSeconds(2)), "next run " + nextRun);

        List<JsonObject> runs = awaitRuns(api, outputDir, 2);
        for (JsonObject run : runs) {
            assertEquals("COMPLETED", api.awaitEnd(run.getJsonNumber("executionId").longValue(), TIMEOUT).getString("batchStatus"));
        }
        JsonObject shown = awaitSchedule(id, current -> !current.isNull("lastExecutionId"));
        assertTrue(runs(api, outputDir).stream().anyMatch(run -> run.getJsonNumber("executionId").equals(shown.getJsonNumber("lastExecutionId"))),
                "the last execution is one of the schedule's runs: " + shown);
        assertFalse(shown.isNull("lastExecutionStatus") || shown.isNull("lastRun"), shown.toString());
        assertTrue(api.get("/schedules").body().asJsonArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(listed -> listed.getJsonNumber("id").longValue() == id), "listed");

        assertEquals(204, api.delete("/schedules/" + id).status());
        int runsWhenDeleted = runs(api, outputDir).size();

        assertEquals(404, api.get("/schedules/" + id).status());
        assertEquals(404, api.delete("/schedules/" + id).status());
        Instant quiet = Instant.now().plusSeconds(3);
        while (Instant.now().isBefore(quiet)) {
            assertEquals(runsWhenDeleted, runs(api, outputDir).size(), "no run after the delete");
            Thread.sleep(200);
        }
    }

    @Test
    void schedulesSurviveAServerRestart() throws Exception {
        try (LibertyServerProcess server = LibertyServerProcess.copyOfTestServer("Restart")) {
            server.start();
            BatchApi restarted = server.api();
            String outputDir = "it-restart-" + UUID.randomUUID();
            BatchApi.Answer answer = restarted.post("/schedules", schedule(outputDir, "\"intervalSeconds\": 1"));
            assertEquals(201, answer.status(), answer.body().toString());
            long id = answer.object().getJsonNumber("id").longValue();
            awaitRuns(restarted, outputDir, 1);

            server.stop();
            server.start();

            JsonObject reloaded = restarted.get("/schedules/" + id).object();
            assertEquals(answer.object().getJsonObject("jobParameters"), reloaded.getJsonObject("jobParameters"));
            assertEquals(1, reloaded.getInt("intervalSeconds"));
            int runsBeforeRestart = runs(restarted, outputDir).size();
            awaitRuns(restarted, outputDir, runsBeforeRestart + 2);
            assertEquals(204, restarted.delete("/schedules/" + id).status());
        }
    }

    @Test
    void aCronScheduleRunsAtItsTimesInItsZone() throws Exception {
        BatchApi.Answer nightly = api.post("/schedules",
                schedule("it-nightly", "\"cron\": \"0 3 * * *\", \"zone\": \"Asia/Tokyo\""));
        assertEquals(201, nightly.status(), nightly.body().toString());
        created.add(nightly.object().getJsonNumber("id").longValue());
        String nextRun = nightly.object().getString("nextRun");
        assertTrue(nextRun.endsWith("T18:00:00Z"), "03:00 in Tokyo is 18:00 UTC: " + nextRun);
        assertEquals("Asia/Tokyo", nightly.object().getString("zone"));

        String outputDir = "it-cron-" + UUID.randomUUID();
        BatchApi.Answer everyTwoSeconds = api.post("/schedules", schedule(outputDir, "\"cron\": \"*/2 * * * * *\""));
        assertEquals(201, everyTwoSeconds.status(), everyTwoSeconds.body().toString());
        created.add(everyTwoSeconds.object().getJsonNumber("id").longValue());
        assertEquals(0, Instant.parse(everyTwoSeconds.object().getString("nextRun")).getEpochSecond() % 2);

        awaitRuns(api, outputDir, 1);
    }

    /**
     * The IT server declares a dry-run schedule of cleanup-images (src/test/liberty): stored at start-up when the
     * application has that job, refused (and logged) when it has not.
     */
    @Test
    void theServerConfigurationsCleanupScheduleIsThereWhenItsJobIs() {
        boolean cleanupJob = api.get("/jobs").body().asJsonArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(job -> job.getString("jobName").equals("cleanup-images"));
        List<JsonObject> declared = api.get("/schedules").body().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(schedule -> schedule.getString("declaredAs", "").equals("cleanup.schedule"))
                .toList();

        if (!cleanupJob) {
            assertEquals(List.of(), declared, "no schedule of a job the application does not have");
            return;
        }
        assertEquals(1, declared.size(), declared.toString());
        JsonObject schedule = declared.get(0);
        assertEquals("cleanup-images", schedule.getString("jobName"));
        assertEquals("0 3 * * *", schedule.getString("cron"));
        assertEquals("Pacific/Kiritimati", schedule.getString("zone"));
        assertEquals("true", schedule.getJsonObject("jobParameters").getString("dryRun"));
        assertTrue(schedule.getString("nextRun").endsWith("T13:00:00Z"), "03:00 at UTC+14: " + schedule);
    }

    @Test
    void aRunIsSkippedWhileTheSchedulesLastExecutionStillRuns() throws Exception {
        host.slowDelayMillis = 1500;
        String outputDir = "it-slow-" + UUID.randomUUID();
        Path slowInput = Files.writeString(Files.createTempFile(input.getParent(), "slow-", ".json"),
                "{\"properties\": [{\"address\": \"3 Slow Sq\", \"imageUrls\": [\"" + host.url("/slow/porch.jpg") + "\"]}]}");
        JsonObject parameters = Json.createObjectBuilder().add("input", slowInput.toString()).add("outputDir", outputDir).build();
        BatchApi.Answer answer = api.post("/schedules",
                "{\"jobName\": \"download-images\", \"jobParameters\": " + parameters + ", \"intervalSeconds\": 1}");
        assertEquals(201, answer.status(), answer.body().toString());
        long id = answer.object().getJsonNumber("id").longValue();
        created.add(id);

        long first = awaitRuns(api, outputDir, 1).get(0).getJsonNumber("executionId").longValue();
        JsonObject skipped = awaitSchedule(id, shown -> !shown.isNull("lastError"));

        assertEquals("run skipped: execution " + first + " is still running", skipped.getString("lastError"));
        assertEquals(first, skipped.getJsonNumber("lastExecutionId").longValue());
        assertEquals(1, runs(api, outputDir).size(), "no second execution beside the running one");
        assertEquals(204, api.delete("/schedules/" + id).status());
        assertEquals("COMPLETED", api.awaitEnd(first, TIMEOUT).getString("batchStatus"));
    }

    @Test
    void aMonitorReadsSchedulesButOnlyTheAdminChangesThem() {
        BatchApi monitor = new BatchApi(BatchApi.MONITOR);
        String nightly = schedule("it-monitor", "\"cron\": \"0 3 * * *\"");
        int schedulesBefore = api.get("/schedules").body().asJsonArray().size();

        assertEquals(403, monitor.post("/schedules", nightly).status());
        assertEquals(401, new BatchApi(null).get("/schedules").status());
        assertEquals(schedulesBefore, monitor.get("/schedules").body().asJsonArray().size(), "the monitor created none");

        BatchApi.Answer answer = api.post("/schedules", nightly);
        assertEquals(201, answer.status(), answer.body().toString());
        long id = answer.object().getJsonNumber("id").longValue();
        created.add(id);
        assertEquals(200, monitor.get("/schedules/" + id).status());
        assertEquals(403, monitor.delete("/schedules/" + id).status());
        assertEquals(200, monitor.get("/schedules/" + id).status(), "still there");
    }

    @Test
    void answersMistakesWithAClearClientError() {
        int schedulesBefore = api.get("/schedules").body().asJsonArray().size();
        String parameters = "\"jobParameters\": {\"input\": \"" + input + "\"}";

        assertClientError(400, "invalid cron \"61 3 * * *\" (minutes: 61)",
                api.post("/schedules", "{\"jobName\": \"download-images\", " + parameters + ", \"cron\": \"61 3 * * *\"}"));
        assertClientError(400, "invalid cron \"0 3 * *\"",
                api.post("/schedules", "{\"jobName\": \"download-images\", " + parameters + ", \"cron\": \"0 3 * *\"}"));
        assertClientError(400, "unknown zone \"Mars/Olympus\"", api.post("/schedules",
                "{\"jobName\": \"download-images\", " + parameters + ", \"cron\": \"0 3 * * *\", \"zone\": \"Mars/Olympus\"}"));
        assertClientError(400, "not both", api.post("/schedules",
                "{\"jobName\": \"download-images\", " + parameters + ", \"cron\": \"0 3 * * *\", \"intervalSeconds\": 60}"));
        assertClientError(400, "give \"cron\"", api.post("/schedules", "{\"jobName\": \"download-images\", " + parameters + "}"));
        assertClientError(400, "intervalSeconds must be from 1", api.post("/schedules",
                "{\"jobName\": \"download-images\", " + parameters + ", \"intervalSeconds\": 0}"));
        assertClientError(400, "must be a whole number", api.post("/schedules",
                "{\"jobName\": \"download-images\", " + parameters + ", \"intervalSeconds\": \"often\"}"));
        assertClientError(400, "no job named \"no-such-job\"",
                api.post("/schedules", "{\"jobName\": \"no-such-job\", \"intervalSeconds\": 60}"));
        assertClientError(400, "\"jobName\" is missing", api.post("/schedules", "{\"intervalSeconds\": 60}"));
        assertClientError(400, "\"input\" is missing",
                api.post("/schedules", "{\"jobName\": \"download-images\", \"intervalSeconds\": 60}"));
        assertClientError(400, "unknown job parameter \"colour\"", api.post("/schedules",
                "{\"jobName\": \"download-images\", \"jobParameters\": {\"input\": \"" + input + "\", \"colour\": \"red\"}, \"intervalSeconds\": 60}"));
        assertClientError(400, "unknown field \"every\"",
                api.post("/schedules", "{\"jobName\": \"download-images\", " + parameters + ", \"every\": \"day\"}"));
        assertClientError(400, "malformed JSON", api.post("/schedules", "{\"jobName\": "));
        assertClientError(400, "must be a JSON object", api.post("/schedules", ""));
        assertClientError(404, "no schedule 987654321", api.get("/schedules/987654321"));
        assertClientError(404, "no schedule 987654321", api.delete("/schedules/987654321"));
        assertEquals(404, api.get("/schedules/not-a-number").status());

        assertEquals(schedulesBefore, api.get("/schedules").body().asJsonArray().size(), "nothing stored");
    }

    private static String schedule(String outputDir, String timing) {
        JsonObject parameters = Json.createObjectBuilder().add("input", input.toString()).add("outputDir", outputDir).build();
        return "{\"jobName\": \"download-images\", \"jobParameters\": " + parameters + ", " + timing + "}";
    }

    /** The download-images executions that wrote into {@code outputDir}. */
    private static List<JsonObject> runs(BatchApi server, String outputDir) {
        return server.get("/jobexecutions?jobName=download-images&limit=10000").body().asJsonArray()
                .getValuesAs(JsonObject.class).stream()
                .filter(run -> run.getJsonObject("jobParameters").getString("outputDir", "").endsWith("/" + outputDir))
                .toList();
    }

    private static List<JsonObject> awaitRuns(BatchApi server, String outputDir, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            List<JsonObject> runs = runs(server, outputDir);
            if (runs.size() >= count) {
                return runs;
            }
            assertFalse(Instant.now().isAfter(deadline), "fewer than " + count + " runs into " + outputDir + " within " + TIMEOUT);
            Thread.sleep(200);
        }
    }

    private JsonObject awaitSchedule(long id, Predicate<JsonObject> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            JsonObject schedule = api.get("/schedules/" + id).object();
            if (condition.test(schedule)) {
                return schedule;
            }
            assertFalse(Instant.now().isAfter(deadline), "schedule " + id + " is not yet as expected: " + schedule);
            Thread.sleep(200);
        }
    }

    private static void assertClientError(int status, String messagePart, BatchApi.Answer answer) {
        assertEquals(status, answer.status(), answer.body().toString());
        assertTrue(answer.message().contains(messagePart), "message \"" + answer.message() + "\" names " + messagePart);
        assertTrue(!answer.message().contains("Exception:") && !answer.message().contains("\tat "), "no stack trace: " + answer.message());
    }
}
