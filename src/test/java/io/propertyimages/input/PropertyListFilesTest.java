package io.propertyimages.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PropertyListFilesTest {
    @TempDir
    Path dir;

    @Test
    void streamsJsonPropertiesAsUrlItemsInOrder() throws Exception {
        Path input = write("in.json", """
                {"source": "mls", "properties": [
                  {"imageUrls": ["http://h/1.jpg", "http://h/2.webp"], "address": "1 A St", "price": 100},
                  {"address": "2 B St", "imageUrls": []},
                  {"address": "3 C St", "imageUrls": ["http://h/3.png"]}
                ]}""");

        assertEquals(List.of(
                new UrlItem(0, 0, "1 A St", "http://h/1.jpg", 1),
                new UrlItem(1, 0, "1 A St", "http://h/2.webp", 2),
                new UrlItem(2, 2, "3 C St", "http://h/3.png", 1)), readAll(input));
        assertEquals(new InputSummary(2, 3), PropertyListFiles.scan(input));
    }

    @Test
    void streamsCsvRowsGroupingConsecutiveRowsOfOneAddress() throws Exception {
        Path input = write("in.csv", """
                address,image_url
                "1 A St, Phoenix, AZ",http://h/1.jpg

                "1 A St, Phoenix, AZ", http://h/2.jpg
                2 B St,"http://h/3.jpg?w=1,h=2"
                """);

        assertEquals(List.of(
                new UrlItem(0, 0, "1 A St, Phoenix, AZ", "http://h/1.jpg", 1),
                new UrlItem(1, 0, "1 A St, Phoenix, AZ", "http://h/2.jpg", 2),
                new UrlItem(2, 1, "2 B St", "http://h/3.jpg?w=1,h=2", 1)), readAll(input));
    }

    @Test
    void aUrlListedTwiceForOnePropertyIsReadOnce() throws Exception {
        Path input = write("in.json", """
                {"properties": [{"address": "1 A St", "imageUrls": ["http://h/1.jpg", "http://h/2.jpg", "http://h/1.jpg"]},
                                {"address": "2 B St", "imageUrls": ["http://h/1.jpg"]}]}""");

        assertEquals(List.of(
                new UrlItem(0, 0, "1 A St", "http://h/1.jpg", 1),
                new UrlItem(1, 0, "1 A St", "http://h/2.jpg", 2),
                new UrlItem(2, 1, "2 B St", "http://h/1.jpg", 1)), readAll(input));
    }

    @Test
    void tellsJsonFromCsvByTheFirstCharacterWithoutAnExtension() throws Exception {
        Path json = write("list", " {\"properties\": [{\"address\": \"1 A St\", \"imageUrls\": [\"http://h/1.jpg\"]}]}");
        Path csv = write("rows", "address,image_url\n1 A St,http://h/1.jpg\n");

        assertEquals(1, readAll(json).size());
        assertEquals(1, readAll(csv).size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON at all|{\"properties\": [}|malformed JSON (line 1",
            "no properties field|{\"homes\": []}|no \"properties\" field",
            "properties not an array|{\"properties\": {}}|\"properties\" must be an array",
            "address missing|{\"properties\": [{\"imageUrls\": []}]}|properties[0].address is missing",
            "address not a string|{\"properties\": [{\"address\": 5, \"imageUrls\": []}]}|properties[0].address must be a string, found a number",
            "address without letters|{\"properties\": [{\"address\": \"#!?\", \"imageUrls\": []}]}|has no letter or digit",
            "urls missing|{\"properties\": [{\"address\": \"1 A St\"}]}|properties[0].imageUrls is missing",
            "url not a string|{\"properties\": [{\"address\": \"1 A St\", \"imageUrls\": [\"http://h/1.jpg\", 7]}]}|properties[0].imageUrls[1] must be a string",
    })
    void namesTheFieldOfAJsonMistake(String name, String json, String expected) throws Exception {
        Path input = write("bad.json", json);

        InputFormatException e = assertThrows(InputFormatException.class, () -> PropertyListFiles.scan(input));

        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong header|street,url\\n1 A St,http://h/1.jpg|header (line 1) must be \"address,image_url\"",
            "extra field|address,image_url\\n1 A St,http://h/1.jpg,x|line 2: expected 2 fields",
            "empty url|address,image_url\\n1 A St,|line 2: image_url is empty",
            "unclosed quote|address,image_url\\n\"1 A St,http://h/1.jpg\\n|malformed CSV",
    })
    void namesTheLineOfACsvMistake(String name, String csv, String expected) throws Exception {
        Path input = write("bad.csv", csv.replace("\\n", "\n"));

        InputFormatException e = assertThrows(InputFormatException.class, () -> PropertyListFiles.scan(input));

        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void scansAFileOfAHundredThousandUrls() throws Exception {
        Path input = dir.resolve("big.json");
        try (BufferedWriter out = Files.newBufferedWriter(input)) {
            out.write("{\"properties\": [");
            for (int p = 0; p < 10_000; p++) {
                out.write((p > 0 ? "," : "") + "{\"address\": \"" + p + " Long Rd\", \"imageUrls\": [");
                for (int i = 0; i < 10; i++) {
                    out.write((i > 0 ? "," : "") + "\"http://h/" + p + "/" + i + ".jpg\"");
                }
                out.write("]}");
            }
            out.write("]}");
        }

        assertEquals(new InputSummary(10_000, 100_000), PropertyListFiles.scan(input));
    }

    /**
     * Reading holds one property at a time, whatever the file's length: the heap that stays reachable while 100,000
     * URLs stream by (sampled after a full GC every 10,000 URLs) is a small fraction of the file, which a reader that
     * kept the file, its lines or its items would hold at least once over.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"big.json", "big.csv"})
    void readsAHundredThousandUrlsInFlatMemory(String name) throws Exception {
        Path input = writeHundredThousandUrls(dir.resolve(name));
        long bound = 4L << 20;
        assertTrue(Files.size(input) > 4 * bound, "the file is much larger than the bound: " + Files.size(input));
        readAll(write("warm-up-" + name, name.endsWith(".json")
                ? "{\"properties\": [{\"address\": \"1 A St\", \"imageUrls\": [\"http://h/1.jpg\"]}]}"
                : "address,image_url\n1 A St,http://h/1.jpg\n"));

        long before = reachableHeap();
        long peakGrowth = 0;
        long urls = 0;
        try (UrlItemSource source = PropertyListFiles.open(input)) {
            for (UrlItem item = source.next(); item != null; item = source.next()) {
                if (++urls % 10_000 == 0) {
                    peakGrowth = Math.max(peakGrowth, reachableHeap() - before);
                }
            }
        }

        assertEquals(100_000, urls);
        assertTrue(peakGrowth < bound, "heap grew by " + peakGrowth + " bytes while reading " + Files.size(input) + " bytes");
    }

    private static Path writeHundredThousandUrls(Path file) throws Exception {
        boolean json = file.toString().endsWith(".json");
        String padding = "x".repeat(150);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(json ? "{\"properties\": [" : "address,image_url\n");
            for (int p = 0; p < 10_000; p++) {
                String address = p + " Long Rd, Phoenix, AZ 85001";
                if (json) {
                    out.write((p > 0 ? "," : "") + "{\"address\": \"" + address + "\", \"imageUrls\": [");
                }
                for (int i = 0; i < 10; i++) {
                    String url = "http://photos.example.com/" + p + "/" + i + ".jpg?" + padding;
                    out.write(json ? (i > 0 ? "," : "") + "\"" + url + "\"" : "\"" + address + "\"," + url + "\n");
                }
                if (json) {
                    out.write("]}");
                }
            }
            if (json) {
                out.write("]}");
            }
        }
        return file;
    }

    private static long reachableHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private static List<UrlItem> readAll(Path input) throws Exception {
        List<UrlItem> items = new ArrayList<>();
        try (UrlItemSource source = PropertyListFiles.open(input)) {
            for (UrlItem item = source.next(); item != null; item = source.next()) {
                items.add(item);
            }
        }
        return items;
    }
}
