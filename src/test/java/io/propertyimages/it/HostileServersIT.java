package io.propertyimages.it;

import static io.propertyimages.it.JobFiles.IMAGES_ROOT;
import static io.propertyimages.it.JobFiles.assertEntriesMatchFiles;
import static io.propertyimages.it.JobFiles.manifest;
import static io.propertyimages.it.JobFiles.parameters;
import static io.propertyimages.it.JobFiles.writeInput;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import io.propertyimages.testing.BrokenConnectionServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * One download-images job on a real Liberty against every way an image server can misbehave at once, beside good
 * images; and the cap of 5 downloads in flight, also while retries wait. The server's download timeouts and backoff
 * are short for the tests (src/test/liberty/configDropins/overrides): 2 s read timeout, 200 ms first backoff,
 * Retry-After capped at 2 s.
 */
class HostileServersIT extends DeployedApplicationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String SAVED = "saved";

    private HostileImageHost host;
    private BrokenConnectionServer broken;
    private final BatchApi api = new BatchApi();

    @BeforeEach
    void startHosts() throws Exception {
        host = new HostileImageHost();
        host.add("house.jpg", TestImages.jpeg(640, 480));
        host.add("garden.png", TestImages.pngWithAlpha(320, 240));
        host.add("kitchen.webp", TestImages.resource("small-lossy.webp"));
        host.add("animated.webp", TestImages.resource("animated.webp"));
        host.add("bomb.png", TestImages.pngDeclaringTenGigapixels());
        broken = new BrokenConnectionServer();
    }

    @AfterEach
    void stopHosts() throws Exception {
        host.close();
        broken.close();
    }

    /**
     * A hostile URL and what must become of it: {@link #SAVED}, or a failure whose reason contains {@code outcome},
     * recorded after {@code attempts}.
     */
    private record Case(String name, String url, String outcome, int attempts) {
    }

    @Test
    void recordsEveryHostileServersFailureOrRetriedSuccessAndSavesEverythingElse() throws Exception {
        List<Case> cases = List.of(
                new Case("500 then success", host.url("/flaky/house.jpg"), SAVED, 0),
                new Case("429 with Retry-After: 1", host.url("/throttled/1/garden.png"), SAVED, 0),
                new Case("429 with Retry-After: 3600", host.url("/throttled/3600/house.jpg"), SAVED, 0),
                new Case("never answers", host.url("/hang"), "read timed out after 4 attempts", 4),
                new Case("connection reset", broken.url("/reset"), "Connection reset after 4 attempts", 4),
                new Case("body shorter than its Content-Length", broken.url("/short"), "Content-Length", 4),
                new Case("200 with HTML", host.url("/html"), "not an image (unknown format)", 1),
                new Case("random bytes as image/jpeg", host.url("/noise.jpg"), "not an image (unknown format)", 1),
                new Case("3 redirects", host.url("/redirect/3/kitchen.webp"), SAVED, 0),
                new Case("redirect loop", host.url("/loop"), "too many redirects (5)", 1),
                new Case("body over download.max.bytes", host.url("/huge"), "body exceeds the limit of 2097152 bytes", 1),
                new Case("100000x100000 pixels declared", host.url("/img/bomb.png"),
                        "image too large: 100000x100000 pixels exceeds the limit of 50000000", 1),
                new Case("animated webp", host.url("/img/animated.webp"), SAVED, 0),
                new Case("404", host.url("/img/gone.jpg"), "HTTP 404 Not Found", 1));
        IntFunction<String> goodUrl = i -> host.url("/img/house.jpg?property=" + i);
        String outputDir = "hostile-" + UUID.randomUUID();
        Path input = writeInput(IntStream.range(0, cases.size())
                .mapToObj(i -> "{\"address\": \"" + i + " Hostile Rd\", \"imageUrls\": [\"" + cases.get(i).url() + "\", \""
                        + goodUrl.apply(i) + "\"]}")
                .collect(Collectors.joining(",\n", "{\"properties\": [\n", "\n]}")), ".json");

        long started = System.nanoTime();
        long executionId = api.start("download-images", parameters(input, outputDir));
        JsonObject execution = api.awaitEnd(executionId, TIMEOUT);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals("COMPLETED", execution.getString("batchStatus"));
        assertEquals("COMPLETED_WITH_FAILURES", execution.getString("exitStatus"));
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String good = goodUrl.apply(i);
            Path folder = IMAGES_ROOT.resolve(outputDir).resolve(i + "-hostile-rd");
            JsonObject manifest = manifest(folder);
            Optional<JsonObject> saved = entry(manifest, "images", c.url());
            Optional<JsonObject> failure = entry(manifest, "failures", c.url());
            if (c.outcome().equals(SAVED)) {
                checks.add(() -> assertTrue(saved.isPresent() && failure.isEmpty(), c.name() + " is saved: " + manifest));
            } else {
                checks.add(() -> assertTrue(saved.isEmpty() && failure.isPresent()
                        && failure.get().getString("reason").contains(c.outcome()), c.name() + " fails with \""
                        + c.outcome() + "\": " + failure.map(f -> f.getString("reason")).orElse("no failure")));
                checks.add(() -> assertEquals(c.attempts(), failure.map(f -> f.getInt("attempts")).orElse(0), c.name() + ": attempts"));
            }
            checks.add(() -> assertTrue(entry(manifest, "images", good).isPresent(), "the good image after " + c.name() + " is saved"));
            checks.add(() -> assertEntriesMatchFiles(folder, manifest.getJsonArray("images")));
            checks.add(() -> assertOnlyImagesAndManifest(folder));
        }
        assertAll(checks.stream());

        assertAll(
                () -> assertEquals(2, host.requestsFor("/flaky/house.jpg"), "500: retried once"),
                () -> assertWaited(host.requestTimes("/throttled/1/garden.png"), 1000, 10_000, "Retry-After: 1 honoured"),
                () -> assertWaited(host.requestTimes("/throttled/3600/house.jpg"), 2000, 10_000, "Retry-After: 3600 cut to 2 s"),
                () -> assertEquals(4, host.requestsFor("/hang"), "timeout: 4 attempts"),
                () -> assertTrue(broken.requests("/reset") >= 4 && broken.requests("/reset") <= 16,
                        "connection reset: 4 attempts, each of which Liberty's HTTP engine repeats up to 3 times: "
                                + broken.requests("/reset") + " requests"),
                () -> assertEquals(4, broken.requests("/short"), "short body: 4 attempts"),
                () -> assertEquals(1, host.requestsFor("/html"), "HTML: not retried"),
                () -> assertEquals(1, host.requestsFor("/noise.jpg"), "noise: not retried"),
                () -> assertEquals(6, host.requestsFor("/loop"), "redirect loop: the URL and 5 hops, not retried"),
                () -> assertEquals(1, host.requestsFor("/huge"), "huge: not retried"),
                () -> assertTrue(host.hugeBytesSent() < HostileImageHost.HUGE_LIMIT / 4,
                        "the endless body was abandoned while streaming, after " + host.hugeBytesSent() + " bytes"),
                () -> assertEquals(1, host.requestsFor("/img/gone.jpg"), "404: not retried"),
                () -> assertTrue(entry(manifest(IMAGES_ROOT.resolve(outputDir).resolve("12-hostile-rd")), "images",
                        host.url("/img/animated.webp")).orElseThrow().getBoolean("first_frame_only"), "animated: first frame"));

        JsonObject step = api.get("/jobexecutions/" + executionId + "/stepexecutions").body().asJsonArray().getJsonObject(0);
        assertTrue(step.getString("exitStatus").startsWith("downloaded=19 cached=0 failed=9 "), step.getString("exitStatus"));
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "the whole job took " + took);
    }

    @Test
    void neverHasMoreThanFiveDownloadsInFlight() throws Exception {
        String outputDir = "crowd-" + UUID.randomUUID();
        Path input = writeInput(properties(8, 3, (p, i) -> host.url("/crowd/house.jpg?p=" + p + "&i=" + i)), ".json");

        JsonObject execution = api.awaitEnd(api.start("download-images", parameters(input, outputDir)), TIMEOUT);

        assertEquals("COMPLETED", execution.getString("exitStatus"));
        assertEquals(5, host.peakCrowdInFlight(), "8 properties download 5 at a time, never more");
        assertEquals(8, folderCount(outputDir));
    }

    @Test
    void neverHasMoreThanFiveDownloadsOpenWhileRetriesBackOff() throws Exception {
        String outputDir = "busy-" + UUID.randomUUID();
        Path input = writeInput(properties(10, 2, (p, i) -> host.url("/busy/house.jpg?p=" + p + "&i=" + i)), ".json");

        JsonObject execution = api.awaitEnd(api.start("download-images", parameters(input, outputDir)), TIMEOUT);

        assertEquals("COMPLETED", execution.getString("exitStatus"));
        assertEquals(5, host.peakOpenDownloads(), "a download waiting for its retry still holds one of the 5 places");
        assertEquals(5, host.peakCrowdInFlight());
        assertEquals(2, host.requestsFor("/busy/house.jpg?p=10&i=2"), "each URL answered 503, then its image");
        assertEquals(10, folderCount(outputDir));
    }

    @FunctionalInterface
    private interface UrlOf {
        String url(int property, int image);
    }

    private static String properties(int count, int urlsEach, UrlOf urlOf) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(p -> "{\"address\": \"" + p + " Parallel Way\", \"imageUrls\": [" + IntStream.rangeClosed(1, urlsEach)
                        .mapToObj(i -> "\"" + urlOf.url(p, i) + "\"")
                        .collect(Collectors.joining(", ")) + "]}")
                .collect(Collectors.joining(",\n", "{\"properties\": [\n", "\n]}"));
    }

    private static long folderCount(String outputDir) throws Exception {
        try (Stream<Path> folders = Files.list(IMAGES_ROOT.resolve(outputDir))) {
            return folders.count();
        }
    }

    private static Optional<JsonObject> entry(JsonObject manifest, String list, String url) {
        return manifest.getJsonArray(list).getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("source_url").equals(url)).findFirst();
    }

    private static void assertOnlyImagesAndManifest(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertTrue(names.stream().allMatch(n -> n.matches("img_\\d{3}\\.jpg|images_manifest\\.json")),
                    "no temp or stray file in " + folder + ": " + names);
        }
    }

    private static void assertWaited(List<Long> requestTimes, long atLeastMillis, long atMostMillis, String what) {
        assertEquals(2, requestTimes.size(), what + ": " + requestTimes);
        long waited = requestTimes.get(1) - requestTimes.get(0);
        assertTrue(waited >= atLeastMillis && waited <= atMostMillis, what + ": waited " + waited + " ms");
    }
}
