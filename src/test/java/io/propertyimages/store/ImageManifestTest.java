package io.propertyimages.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageManifestTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final ManifestStore store = new ManifestStore(Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path folder;

    @Test
    void namesANewImageAfterItsPositionAndAnotherUrlsPositionWithTheNextFreeNumber() {
        ImageManifest manifest = ImageManifest.empty("1 A St");
        manifest.put(entry("img_001.jpg", "http://h/a.jpg"));
        manifest.put(entry("img_002.jpg", "http://h/b.jpg"));

        assertEquals("img_003.jpg", manifest.filenameFor("http://h/c.jpg", 3));
        assertEquals("img_002.jpg", manifest.filenameFor("http://h/b.jpg", 7), "a known URL keeps its file");
        assertEquals("img_003.jpg", manifest.filenameFor("http://h/new.jpg", 2), "position 2 holds another URL");
    }

    @Test
    void aSavedImageClearsTheFailureOfItsUrl() {
        ImageManifest manifest = ImageManifest.empty("1 A St");
        manifest.putFailure(new ManifestFailure("http://h/a.jpg", 1, "HTTP 503 after 4 attempts", 4, NOW));

        manifest.put(entry("img_001.jpg", "http://h/a.jpg"));

        assertTrue(manifest.getFailures().isEmpty());
        assertEquals(1, manifest.getImages().size());
    }

    @Test
    void writesTheManifestAsSnakeCaseJsonAndReadsItBack() throws Exception {
        ImageManifest manifest = ImageManifest.empty("1 A St");
        manifest.put(entry("img_002.jpg", "http://h/b.jpg"));
        manifest.put(entry("img_001.jpg", "http://h/a.jpg"));
        manifest.putFailure(new ManifestFailure("http://h/c.jpg", 3, "HTTP 404 Not Found", 1, NOW));

        store.save(folder, manifest);
        String json = Files.readString(folder.resolve(ImageManifest.FILE_NAME));
        ImageManifest read = store.load(folder, "ignored");

        assertTrue(json.contains("\"source_url\": \"http://h/a.jpg\""), json);
        assertTrue(json.contains("\"download_timestamp\": \"2026-11-24T12:00:00Z\""), json);
        assertTrue(json.indexOf("\"version\"") < json.indexOf("\"images\""), "version first: " + json);
        assertTrue(json.indexOf("\"filename\"") < json.indexOf("\"source_url\""), "filename first: " + json);
        assertEquals("1 A St", read.getPropertyAddress());
        assertEquals(NOW, read.getLastUpdated());
        assertEquals(List.of("img_001.jpg", "img_002.jpg"), read.getImages().stream().map(ManifestEntry::filename).toList());
        assertEquals(manifest.getImages(), read.getImages());
        assertEquals(manifest.getFailures(), read.getFailures());
        try (var files = Files.list(folder)) {
            assertEquals(List.of(ImageManifest.FILE_NAME), files.map(f -> f.getFileName().toString()).toList(), "no temp file left");
        }
    }

    @Test
    void aMissingManifestIsEmptyAndACorruptOneIsReportedNotReplaced() throws Exception {
        assertTrue(store.load(folder, "1 A St").getImages().isEmpty());

        Files.writeString(folder.resolve(ImageManifest.FILE_NAME), "{\"images\": [");

        CorruptManifestException e = assertThrows(CorruptManifestException.class, () -> store.load(folder, "1 A St"));
        assertTrue(e.getMessage().contains(ImageManifest.FILE_NAME), e.getMessage());
    }

    private static ManifestEntry entry(String filename, String url) {
        return new ManifestEntry(filename, url, NOW, 1234, 640, 480, "d41d8cd98f00b204e9800998ecf8427e", "webp",
                "1 A St", null, "\"etag\"", null);
    }
}
