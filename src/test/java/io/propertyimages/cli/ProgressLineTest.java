package io.propertyimages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void showsBarCountsBytesRateAndEta() {
        Progress progress = new Progress(120, 46, 40, 4, 2, 3_250_000, 5.2);

        assertEquals("[#########---------------]  38%  46/120  downloaded 40  cached 4  failed 2  3.1 MB  5.2 img/s  ETA 0:15",
                ProgressLine.format("STARTED", progress));
    }

    @Test
    void aFinishedJobHasAFullBarAndNoTimeLeft() {
        assertEquals("[########################] 100%  8/8  downloaded 6  cached 0  failed 2  1.4 MB  3.0 img/s  ETA 0:00",
                ProgressLine.format("COMPLETED", new Progress(8, 8, 6, 0, 2, 1_468_006, 3.0)));
        assertEquals("[########################] 100%  0/0  downloaded 0  cached 0  failed 0  0 B  0.0 img/s  ETA 0:00",
                ProgressLine.format("COMPLETED", new Progress(0, 0, 0, 0, 0, 0, 0)), "an empty list is done at once");
    }

    @Test
    void etaIsTheRestAtTheCurrentRateRoundedUp() {
        assertEquals("--:--", ProgressLine.eta(new Progress(100, 0, 0, 0, 0, 0, 0)), "no rate yet");
        assertEquals("0:01", ProgressLine.eta(new Progress(100, 99, 0, 0, 0, 0, 2.0)));
        assertEquals("1:40", ProgressLine.eta(new Progress(1000, 500, 0, 0, 0, 0, 5.0)));
        assertEquals("2:46:40", ProgressLine.eta(new Progress(100_000, 0, 0, 0, 0, 0, 10.0)));
    }

    @Test
    void withoutProgressTheLineIsTheStatus() {
        assertEquals("STARTING", ProgressLine.format("STARTING", null));
    }

    @Test
    void readsTheProgressObjectOfAnExecutionAndNoneWhenItIsAbsentOrNull() {
        JsonObject execution = json("""
                {"executionId": 3, "batchStatus": "STARTED", "progress": {"total": 10, "done": 4, "downloaded": 3,
                 "cached": 1, "failed": 0, "bytes": 2048, "imagesPerSecond": 1.5}}""");

        assertEquals(new Progress(10, 4, 3, 1, 0, 2048, 1.5), Progress.of(execution));
        assertEquals(null, Progress.of(json("{\"executionId\": 3, \"progress\": null}")));
        assertEquals(null, Progress.of(json("{\"executionId\": 3}")));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
