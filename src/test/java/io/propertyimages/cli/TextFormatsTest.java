package io.propertyimages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** How executions, cleanup reports and schedules read for people. */
class TextFormatsTest {
    private final JsonObject completed = json("""
            {"executionId": 12, "jobName": "download-images", "jobInstanceId": 7, "batchStatus": "COMPLETED",
             "exitStatus": "COMPLETED_WITH_FAILURES", "startTime": "2026-11-24T16:30:01.000Z", "endTime": "2026-11-24T16:30:05.200Z",
             "server": "images-2:9080", "jobParameters": {"input": "/srv/inputs/x.csv", "outputDir": "/srv/images"},
             "progress": {"total": 8, "done": 8, "downloaded": 6, "cached": 0, "failed": 2, "bytes": 1468006, "imagesPerSecond": 1.9}}""");
    private final JsonObject starting = json("""
            {"executionId": 13, "jobName": "cleanup-images", "jobInstanceId": 8, "batchStatus": "STARTING", "exitStatus": null,
             "startTime": null, "endTime": null, "jobParameters": {}}""");

    @Test
    void anExecutionsSummaryHasItsOutcomeDurationAndCounts() {
        assertEquals("execution 12 COMPLETED (COMPLETED_WITH_FAILURES) in 4.2 s: downloaded 6, cached 0, failed 2, 1.4 MB",
                ExecutionText.summary(completed));
        assertEquals("execution 13 STARTING ()", ExecutionText.summary(starting));
    }

    @Test
    void executionsAreATableWithAlignedColumns() {
        assertEquals("""
                ID  JOB              STATUS     EXIT STATUS              STARTED               DURATION
                12  download-images  COMPLETED  COMPLETED_WITH_FAILURES  2026-11-24 16:30:01Z  4.2 s
                13  cleanup-images   STARTING
                """, ExecutionText.table(List.of(completed, starting)));
    }

    @Test
    void anExecutionsDetailsListItsServerParametersAndProgress() {
        assertEquals("""
                execution    12 (instance 7)
                job          download-images
                status       COMPLETED
                exit status  COMPLETED_WITH_FAILURES
                server       images-2:9080
                started      2026-11-24 16:30:01Z
                ended        2026-11-24 16:30:05Z
                duration     4.2 s
                input        /srv/inputs/x.csv
                outputDir    /srv/images
                progress     [########################] 100%  8/8  downloaded 6  cached 0  failed 2  1.4 MB  1.9 img/s  ETA 0:00
                """, ExecutionText.details(completed));
    }

    @Test
    void aCleanupReportNamesEachCountAndSaysWhenItWasADryRun() {
        String summary = "deleted=3 bytes=1572864 folders=1 orphans=2 orphansDeleted=1 missing=0 corrupt=0 failed=0";

        assertEquals("""
                cleanup-images, execution 14: COMPLETED (dry run: nothing was deleted; a real run would delete this)
                  images deleted (orphans included)  3
                  space freed                        1.5 MB (1572864)
                  property folders removed           1
                  orphan files found                 2
                  orphan files deleted               1
                  entries without their file dropped 0
                  folders with a corrupt manifest    0
                  folders where a deletion failed    0
                """, CleanupReport.format(14, "COMPLETED", "dryRun " + summary));
        assertEquals("cleanup-images, execution 15: FAILED\n  exit status FAILED\n", CleanupReport.format(15, "FAILED", "FAILED"));
    }

    @Test
    void schedulesShowWhenTheyRunAndTheirLastExecution() {
        JsonObject cron = json("""
                {"id": 1, "jobName": "cleanup-images", "cron": "0 3 * * *", "zone": "Europe/Paris", "intervalSeconds": null,
                 "nextRun": "2026-11-25T02:00:00Z", "lastExecutionId": 9, "lastExecutionStatus": "COMPLETED"}""");
        JsonObject interval = json("""
                {"id": 2, "jobName": "download-images", "cron": null, "intervalSeconds": 3600, "nextRun": "2026-11-24T17:00:00Z"}""");

        assertEquals("""
                ID  JOB              WHEN                             NEXT RUN              LAST EXECUTION
                1   cleanup-images   cron "0 3 * * *" (Europe/Paris)  2026-11-25 02:00:00Z  9 COMPLETED
                2   download-images  every 3600 s                     2026-11-24 17:00:00Z
                """, ScheduleText.table(List.of(cron, interval)));
    }

    @Test
    void sizesAndDurationsReadNaturally() {
        assertEquals("512 B", Formats.bytes(512));
        assertEquals("48.2 KB", Formats.bytes(49_357));
        assertEquals("1.2 GB", Formats.bytes(1_288_490_189));
        assertEquals("850 ms", Formats.duration(Duration.ofMillis(850)));
        assertEquals("3:05", Formats.duration(Duration.ofSeconds(185)));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
