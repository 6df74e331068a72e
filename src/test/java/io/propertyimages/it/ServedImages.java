package io.propertyimages.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * The images a test's {@link ImageHost} serves, by URL, and the check that a job saved each of them exactly once:
 * in order in its property's manifest, matching its file, with no temp or orphan file beside.
 */
final class ServedImages {
    private final ImageHost host;
    private final Map<String, byte[]> served = new LinkedHashMap<>();

    ServedImages(ImageHost host) {
        this.host = host;
    }

    /** {@code count} URLs of the host, URL {@code k} (from 1) at {@code path(k)} serving {@code image(k)}. */
    List<String> add(int count, IntFunction<String> path, IntFunction<byte[]> image) {
        List<String> urls = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            String url = host.url(path.apply(k));
            byte[] bytes = image.apply(k);
            host.add(url.substring(url.lastIndexOf('/') + 1), bytes);
            served.put(url, bytes);
            urls.add(url);
        }
        return urls;
    }

    /** How often the host answered each URL. */
    List<Integer> requestCounts(List<String> urls) {
        return urls.stream().map(url -> host.requestsFor(url.substring(url.indexOf('/', "http://".length())))).toList();
    }

    /** The property's folder holds its images, each once, as its manifest lists them, and nothing else. */
    void assertEachSavedOnce(Path folder, List<String> urls) throws Exception {
        JsonArray images = JobFiles.manifest(folder).getJsonArray("images");
        assertEquals(urls, images.getValuesAs(JsonObject.class).stream().map(e -> e.getString("source_url")).toList(),
                "every URL once, in order, in " + folder);
        assertEquals(imageNames(urls.size()), JobFiles.filenames(images));
        List<String> expectedFiles = new ArrayList<>(JobFiles.filenames(images));
        expectedFiles.add("images_manifest.json");
        assertEquals(new TreeSet<>(expectedFiles), new TreeSet<>(fileNames(folder)), "no temp or orphan file in " + folder);
        for (JsonObject entry : images.getValuesAs(JsonObject.class)) {
            Path file = folder.resolve(entry.getString("filename"));
            byte[] bytes = Files.readAllBytes(file);
            BufferedImage image = ImageIO.read(file.toFile());
            assertArrayEquals(served.get(entry.getString("source_url")), bytes, file + " is the image of its URL");
            assertEquals(bytes.length, entry.getJsonNumber("file_size_bytes").longValue(), file.toString());
            assertEquals(md5(bytes), entry.getString("content_hash"), file.toString());
            assertEquals(image.getWidth(), entry.getInt("width"), file.toString());
            assertEquals(image.getHeight(), entry.getInt("height"), file.toString());
        }
    }

    /** The job parameters of a download of {@code properties} (address to URLs), written to an input file. */
    static String parameters(Map<String, List<String>> properties, String outputDir, int chunkSize) throws IOException {
        JsonArrayBuilder list = Json.createArrayBuilder();
        properties.forEach((address, urls) -> list.add(Json.createObjectBuilder()
                .add("address", address).add("imageUrls", Json.createArrayBuilder(urls))));
        Path input = JobFiles.writeInput(Json.createObjectBuilder().add("properties", list).build().toString(), ".json");
        return Json.createObjectBuilder().add("input", input.toString()).add("outputDir", outputDir)
                .add("chunkSize", chunkSize).build().toString();
    }

    static List<String> imageNames(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("img_%03d.jpg", i)).toList();
    }

    static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }
}
