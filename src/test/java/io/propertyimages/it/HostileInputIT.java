package io.propertyimages.it;

import static io.propertyimages.it.JobFiles.IMAGES_ROOT;
import static io.propertyimages.it.JobFiles.assertEntriesMatchFiles;
import static io.propertyimages.it.JobFiles.filenames;
import static io.propertyimages.it.JobFiles.manifest;
import static io.propertyimages.it.JobFiles.parameters;
import static io.propertyimages.it.JobFiles.writeInput;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The download-images job on a real Liberty against input files written to break it: addresses that try to climb out
 * of the output directory, addresses that normalise alike, CSV quoting, duplicate and non-http URLs, an empty list.
 */
class HostileInputIT extends DeployedApplicationTest {
    private static final Path SERVERS_DIR = Path.of("target/liberty/wlp/usr").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Map<String, byte[]> JPEGS = Map.of(
            "a.jpg", TestImages.jpeg(300, 200), "b.jpg", TestImages.jpeg(301, 200),
            "c.jpg", TestImages.jpeg(302, 200), "d.jpg", TestImages.jpeg(303, 200), "gables.jpg", TestImages.jpeg(304, 200));

    private static ImageHost host;
    private final BatchApi api = new BatchApi();

    @BeforeAll
    static void startImageHost() throws IOException {
        host = new ImageHost();
        JPEGS.forEach(host::add);
    }

    @AfterAll
    static void stopImageHost() {
        host.close();
    }

    @Test
    void addressesThatTryPathTricksStayInsideTheOutputDirectory() throws Exception {
        String marker = "escape-" + UUID.randomUUID();
        Path absolute = Path.of(System.getProperty("java.io.tmpdir"), marker);
        List<String> addresses = List.of(
                "../../../../" + marker,
                "..\\..\\..\\" + marker + "\\win",
                absolute + "/abs",
                "~/" + marker + "/home",
                "1 A St\u0000/../../" + marker,
                "1 " + "Very Long Boulevard Of Broken Dreams ".repeat(10) + marker,
                "Straße 5, München, " + marker,
                "東京都 7 " + marker);
        String outputDir = "tricks-" + UUID.randomUUID();
        Path input = writeInput(json(addresses, address -> List.of(host.url("/img/a.jpg?" + addresses.indexOf(address)))), ".json");

        JsonObject execution = api.awaitEnd(api.start("download-images", parameters(input, outputDir)), TIMEOUT);

        assertEquals("COMPLETED", execution.getString("exitStatus"));
        Path output = IMAGES_ROOT.resolve(outputDir);
        List<Path> written;
        try (Stream<Path> files = Files.walk(output)) {
            written = files.filter(Files::isRegularFile).map(output::relativize).toList();
        }
        assertEquals(addresses.size() * 2, written.size(), written.toString());
        assertTrue(written.stream().allMatch(file -> file.toString().matches("[a-z0-9-]{1,100}/(img_001\\.jpg|images_manifest\\.json)")),
                written.toString());
        try (Stream<Path> everything = Files.walk(SERVERS_DIR)) {
            List<Path> outside = everything.filter(p -> p.toString().contains(marker) && !p.startsWith(output)).toList();
            assertEquals(List.of(), outside, "nothing written outside the output directory");
        }
        assertFalse(Files.exists(absolute), absolute + " was not created");
        List<String> recorded = written.stream().filter(f -> f.endsWith("images_manifest.json"))
                .map(f -> readAddress(output.resolve(f))).sorted().toList();
        assertEquals(addresses.stream().sorted().toList(), recorded, "each manifest keeps its address as it was written");
    }

    @Test
    void refusesAtStartAnAddressWithNothingToNameItsFolder() throws Exception {
        String outputDir = "empty-" + UUID.randomUUID();
        for (String address : List.of("../..", "/", "東京", "   ")) {
            Path input = writeInput(json(List.of(address), a -> List.of(host.url("/img/a.jpg"))), ".json");

            BatchApi.Answer answer = api.post("/jobs/download-images/start", parameters(input, outputDir));

            assertEquals(400, answer.status(), address + ": " + answer.body());
            assertTrue(answer.message().contains("properties[0].address"), answer.message());
        }
        assertFalse(Files.exists(IMAGES_ROOT.resolve(outputDir)), "nothing written");
    }

    @Test
    void refusesAtStartAFieldThatIsMissingOrOfTheWrongType() throws Exception {
        String outputDir = "mistyped-" + UUID.randomUUID();
        Map<String, String> expectedByInput = Map.of(
                "{\"properties\": [{\"imageUrls\": [\"http://127.0.0.1/a.jpg\"]}]}", "properties[0].address is missing",
                "{\"properties\": [{\"address\": \"1 A St\"}]}", "properties[0].imageUrls is missing",
                "{\"properties\": [{\"address\": \"1 A St\", \"imageUrls\": \"http://127.0.0.1/a.jpg\"}]}",
                "properties[0].imageUrls must be an array, found a string",
                "{\"properties\": [{\"address\": \"1 A St\", \"imageUrls\": [\"http://127.0.0.1/a.jpg\", null]}]}",
                "properties[0].imageUrls[1] must be a string, found null",
                "{\"properties\": {\"address\": \"1 A St\"}}", "\"properties\" must be an array",
                "address,image_url\n1 A St,http://127.0.0.1/a.jpg,extra\n", "line 2: expected 2 fields",
                "address,image_url\n\n1 A St,\n", "line 3: image_url is empty");
        for (Map.Entry<String, String> mistake : expectedByInput.entrySet()) {
            Path input = writeInput(mistake.getKey(), mistake.getKey().startsWith("{") ? ".json" : ".csv");

            BatchApi.Answer answer = api.post("/jobs/download-images/start", parameters(input, outputDir));

            assertEquals(400, answer.status(), mistake.getKey() + ": " + answer.body());
            assertTrue(answer.message().contains(mistake.getValue()), answer.message());
        }
        assertFalse(Files.exists(IMAGES_ROOT.resolve(outputDir)), "nothing written");
    }

    @Test
    void twoAddressesThatNormaliseAlikeShareTheFolderWithoutOverwritingEachOther() throws Exception {
        Map<String, List<String>> urlsByAddress = Map.of(
                "12 Oak St.", List.of(host.url("/img/a.jpg"), host.url("/img/b.jpg")),
                "12 OAK ST", List.of(host.url("/img/c.jpg"), host.url("/img/d.jpg")));
        String outputDir = "alike-" + UUID.randomUUID();
        Path input = writeInput(json(List.of("12 Oak St.", "12 OAK ST"), urlsByAddress::get), ".json");
        Path folder = IMAGES_ROOT.resolve(outputDir).resolve("12-oak-st");

        JsonObject execution = api.awaitEnd(api.start("download-images", parameters(input, outputDir)), TIMEOUT);

        assertEquals("COMPLETED", execution.getString("exitStatus"));
        List<JsonObject> images = manifest(folder).getJsonArray("images").getValuesAs(JsonObject.class);
        assertEquals(4, images.size(), images.toString());
        assertEquals(4, images.stream().map(e -> e.getString("filename")).distinct().count(), "four files, none shared");
        for (JsonObject image : images) {
            String url = image.getString("source_url");
            String address = image.getString("property_address");
            assertTrue(urlsByAddress.get(address).contains(url), url + " recorded for " + address);
            assertArrayEquals(JPEGS.get(url.substring(url.lastIndexOf('/') + 1)),
                    Files.readAllBytes(folder.resolve(image.getString("filename"))), "the file of " + url + " holds its image");
        }
        assertEntriesMatchFiles(folder, manifest(folder).getJsonArray("images"));

        long rerun = api.start("download-images", parameters(input, outputDir));
        api.awaitEnd(rerun, TIMEOUT);
        JsonObject step = api.get("/jobexecutions/" + rerun + "/stepexecutions").body().asJsonArray().getJsonObject(0);
        assertTrue(step.getString("exitStatus").startsWith("downloaded=0 cached=4 failed=0"), step.getString("exitStatus"));
    }

    @Test
    void readsQuotedCsvOnceEachUrlAndFailsWhatIsNotAnHttpUrlWithAReason() throws Exception {
        String outputDir = "csv-" + UUID.randomUUID();
        Path input = writeInput("""
                address,image_url

                "1 Quote Ln, ""The Gables""\",%s
                "1 Quote Ln, ""The Gables""\",%s

                "1 Quote Ln, ""The Gables""\","%s"
                "2 Multi
                Line Rd",ftp://127.0.0.1/a.jpg
                "2 Multi
                Line Rd",file:///etc/passwd
                "2 Multi
                Line Rd",javascript:alert(1)
                "2 Multi
                Line Rd",not a url
                "2 Multi
                Line Rd","%s"
                """.formatted(host.url("/img/gables.jpg"), host.url("/img/gables.jpg"), host.url("/img/b.jpg?w=1,h=2"),
                host.url("/img/c.jpg")), ".csv");

        long executionId = api.start("download-images", parameters(input, outputDir));
        JsonObject execution = api.awaitEnd(executionId, TIMEOUT);

        assertEquals("COMPLETED_WITH_FAILURES", execution.getString("exitStatus"));
        JsonObject gables = manifest(IMAGES_ROOT.resolve(outputDir).resolve("1-quote-ln-the-gables"));
        assertEquals("1 Quote Ln, \"The Gables\"", gables.getString("property_address"));
        assertEquals(List.of("img_001.jpg", "img_003.jpg"), filenames(gables.getJsonArray("images")),
                "the duplicate at position 2 is dropped");
        assertEquals(1, host.requestsFor("/img/gables.jpg"), "a URL listed twice for a property is downloaded once");
        JsonObject multiLine = manifest(IMAGES_ROOT.resolve(outputDir).resolve("2-multi-line-rd"));
        List<String> reasons = multiLine.getJsonArray("failures").getValuesAs(JsonObject.class).stream()
                .map(f -> f.getInt("position") + " " + f.getString("source_url") + ": " + f.getString("reason")).toList();
        assertAll(
                () -> assertEquals(4, reasons.size(), reasons.toString()),
                () -> assertEquals("1 ftp://127.0.0.1/a.jpg: not an http(s) URL", reasons.get(0)),
                () -> assertEquals("2 file:///etc/passwd: not an http(s) URL", reasons.get(1)),
                () -> assertEquals("3 javascript:alert(1): not an http(s) URL", reasons.get(2)),
                () -> assertTrue(reasons.get(3).startsWith("4 not a url: not a valid URL"), reasons.get(3)),
                () -> assertEquals(List.of("img_005.jpg"), filenames(multiLine.getJsonArray("images"))));
    }

    @Test
    void completesAnEmptyListWithNothingToDo() throws Exception {
        Path input = writeInput("{\"properties\": []}", ".json");

        long executionId = api.start("download-images", parameters(input, "none-" + UUID.randomUUID()));
        JsonObject execution = api.awaitEnd(executionId, TIMEOUT);

        assertEquals("COMPLETED", execution.getString("batchStatus"));
        assertEquals("COMPLETED", execution.getString("exitStatus"));
    }

    private static String json(List<String> addresses, Function<String, List<String>> urlsOf) {
        JsonArrayBuilder properties = Json.createArrayBuilder();
        for (String address : addresses) {
            properties.add(Json.createObjectBuilder().add("address", address).add("imageUrls", Json.createArrayBuilder(urlsOf.apply(address))));
        }
        return Json.createObjectBuilder().add("properties", properties).build().toString();
    }

    private static String readAddress(Path manifestFile) {
        try {
            return manifest(manifestFile.getParent()).getString("property_address");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
