package io.propertyimages.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
 * {@code POST /api/purge} on a real Liberty: it deletes exactly the ended executions of the statuses asked for, never
 * a running one, and the API no longer finds what it deleted; a monitor may not purge. The executions here are
 * minutes old, so age is tested with {@code olderThanDays} 0 against 1 (RepositoryPurgeTest tests ages in days).
 */
class PurgeIT extends DeployedApplicationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private static ImageHost host;
    private final BatchApi admin = new BatchApi();

    @BeforeAll
    static void startImageHost() throws IOException {
        host = new ImageHost();
        for (int i = 1; i <= 12; i++) {
            host.add("room" + i + ".jpg", TestImages.jpeg(200 + i, 150));
        }
    }

    @AfterAll
    static void stopImageHost() {
        host.close();
    }

    @Test
    void purgesExactlyTheEndedExecutionsAskedForAndNeverARunningOne() throws Exception {
        long completed = admin.start("download-images", JobFiles.parameters(input("1 Kept Ct", "/img/"), "it-" + UUID.randomUUID()));
        admin.awaitEnd(completed, TIMEOUT);
        long stopped = admin.start("download-images", JobFiles.parameters(input("2 Stopped St", "/slow/"), "it-" + UUID.randomUUID()));
        awaitFirstImage(stopped);
        admin.post("/jobexecutions/" + stopped + "/stop", "");
        admin.awaitEnd(stopped, TIMEOUT);
        long stoppedInstance = admin.execution(stopped).getJsonNumber("jobInstanceId").longValue();
        long running = admin.start("download-images", JobFiles.parameters(input("3 Running Rd", "/slow/"), "it-" + UUID.randomUUID()));

        BatchApi.Answer byMonitor = new BatchApi(BatchApi.MONITOR).post("/purge", "{\"olderThanDays\": 0}");
        BatchApi.Answer tooYoung = admin.post("/purge", "{\"olderThanDays\": 1}");
        List<Long> stoppedBefore = ids("STOPPED");
        List<Long> completedBefore = ids("COMPLETED");
        BatchApi.Answer stoppedOnly = admin.post("/purge", "{\"olderThanDays\": 0, \"statuses\": [\"STOPPED\"]}");

        assertEquals(403, byMonitor.status(), byMonitor.body().toString());
        assertEquals(200, tooYoung.status(), tooYoung.body().toString());
        assertEquals(0, tooYoung.object().getInt("jobExecutions"), "nothing here ended a day ago: " + tooYoung.body());
        assertTrue(stoppedBefore.contains(stopped), stoppedBefore.toString());
        assertEquals(200, stoppedOnly.status(), stoppedOnly.body().toString());
        assertEquals(stoppedBefore.size(), stoppedOnly.object().getInt("jobExecutions"));
        assertTrue(stoppedOnly.object().getInt("stepExecutions") >= 1, stoppedOnly.body().toString());
        assertEquals(List.of(), ids("STOPPED"));
        assertEquals(completedBefore, ids("COMPLETED"));
        assertEquals(404, admin.get("/jobexecutions/" + stopped).status(), "not served from JBeret's cache either");
        assertEquals(404, admin.get("/jobexecutions/" + stopped + "/log").status());
        assertTrue(instanceIds().stream().noneMatch(id -> id == stoppedInstance), "its instance had no other execution");
        assertEquals("STARTED", admin.execution(running).getString("batchStatus"));

        BatchApi.Answer everythingEnded = admin.post("/purge", "{\"olderThanDays\": 0}");

        assertEquals(200, everythingEnded.status(), everythingEnded.body().toString());
        assertTrue(everythingEnded.object().getInt("jobExecutions") >= 1, everythingEnded.body().toString());
        assertEquals(404, admin.get("/jobexecutions/" + completed).status());
        assertEquals("STARTED", admin.execution(running).getString("batchStatus"), "a running execution is never purged");
        admin.post("/jobexecutions/" + running + "/stop", "");
        JsonObject ended = admin.awaitEnd(running, TIMEOUT);
        assertEquals("STOPPED", ended.getString("batchStatus"), "and goes on to its end as usual");
        assertTrue(admin.text("/jobexecutions/" + running + "/log").contains("Ended STOPPED"));
    }

    @Test
    void aBadPurgeRequestIsRefusedAndDeletesNothing() {
        BatchApi.Answer answer = admin.post("/purge", "{\"statuses\": [\"STARTED\"]}");

        assertEquals(400, answer.status());
        assertTrue(answer.message().contains("STARTED have not ended and are never purged"), answer.message());
    }

    private void awaitFirstImage(long executionId) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonObject execution = admin.execution(executionId);
        while (!execution.containsKey("progress") || execution.getJsonObject("progress").getInt("done") == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("execution " + executionId + " saved no image within " + TIMEOUT + ": " + execution);
            }
            Thread.sleep(50);
            execution = admin.execution(executionId);
        }
    }

    private List<Long> ids(String status) {
        return admin.get("/jobexecutions?status=" + status + "&limit=10000").body().asJsonArray()
                .getValuesAs(JsonObject.class).stream().map(e -> e.getJsonNumber("executionId").longValue()).sorted().toList();
    }

    private List<Long> instanceIds() {
        return admin.get("/jobinstances?jobName=download-images&count=1000").body().asJsonArray()
                .getValuesAs(JsonObject.class).stream().map(e -> e.getJsonNumber("instanceId").longValue()).toList();
    }

    private static Path input(String address, String kind) throws IOException {
        return JobFiles.writeInput("address,image_url\n" + IntStream.rangeClosed(1, 12)
                .mapToObj(i -> "\"" + address + "\"," + host.url(kind + "room" + i + ".jpg")).collect(Collectors.joining("\n")), ".csv");
    }
}
