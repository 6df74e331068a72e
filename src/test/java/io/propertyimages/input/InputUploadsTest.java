package io.propertyimages.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.propertyimages.input.InputUploads.Format;

class InputUploadsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T16:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private final String json = """
            {"properties": [{"address": "1 A St", "imageUrls": ["http://h/1.jpg", "http://h/2.jpg"]},
                            {"address": "2 B St", "imageUrls": ["http://h/3.jpg"]}]}""";

    @Test
    void keepsAValidFileUnderAUniqueNameWithWhatItHolds() throws Exception {
        InputUploads uploads = new InputUploads(folder, 1024, CLOCK);

        StoredInput first = uploads.store(body(json), -1, Format.JSON, "listings.json");
        StoredInput second = uploads.store(body("address,image_url\n1 A St,http://h/1.jpg\n"), -1, Format.CSV, null);

        assertEquals(new InputSummary(2, 3), first.summary());
        assertEquals(new InputSummary(1, 1), second.summary());
        assertEquals(json, Files.readString(first.file()));
        assertTrue(first.file().getFileName().toString().matches("20261124T163000Z-[0-9a-f]{8}-listings\\.json"),
                first.file().toString());
        assertTrue(second.file().getFileName().toString().endsWith("-input.csv"), second.file().toString());
        assertEquals(List.of(first.file(), second.file()).stream().sorted().toList(), files());
    }

    @Test
    void refusesMalformedInputAndLeavesNothing() throws IOException {
        InputUploads uploads = new InputUploads(folder, 1024, CLOCK);

        InputFormatException e = assertThrows(InputFormatException.class,
                () -> uploads.store(body("address,url\n1 A St,http://h/1.jpg\n"), -1, Format.CSV, "x.csv"));

        assertTrue(e.getMessage().contains("header"), e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void refusesMoreThanTheLimitWhetherAnnouncedOrStreamed() throws IOException {
        InputUploads uploads = new InputUploads(folder, 100, CLOCK);

        assertThrows(InputTooLargeException.class, () -> uploads.store(body(json), json.length(), Format.JSON, null));
        assertThrows(InputTooLargeException.class, () -> uploads.store(body(json), -1, Format.JSON, null));
        assertEquals(List.of(), files());
    }

    @Test
    void refusesNamesThatAreNotPlainFileNamesOfTheFormat() throws IOException {
        InputUploads uploads = new InputUploads(folder, 1024, CLOCK);

        for (String name : List.of("../escape.json", "sub/dir.json", ".hidden.json", "listings.csv", "a b.json")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> uploads.store(body(json), -1, Format.JSON, name), name);
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        assertEquals(List.of(), files());
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
