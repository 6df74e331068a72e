package io.propertyimages.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/** The files a test gives the job (inputs, parameters) and reads back from it (manifests, images). */
final class JobFiles {
    /** The integration tests' server's images.root (src/test/liberty/configDropins/overrides). */
    static final Path IMAGES_ROOT = Path.of("target/liberty/wlp/usr/servers", System.getProperty("it.server.name", "itServer"),
            "it-images").toAbsolutePath();

    private JobFiles() {
    }

    static Path writeInput(String content, String suffix) throws IOException {
        Path dir = Files.createDirectories(Path.of("target/it-inputs").toAbsolutePath());
        return Files.writeString(Files.createTempFile(dir, "input-", suffix), content);
    }

    static String parameters(Path input, String outputDir) {
        return Json.createObjectBuilder().add("input", input.toString()).add("outputDir", outputDir).build().toString();
    }

    static JsonObject manifest(Path folder) throws IOException {
        return Json.createReader(new StringReader(Files.readString(folder.resolve("images_manifest.json")))).readObject();
    }

    static List<String> filenames(JsonArray images) {
        return images.getValuesAs(JsonObject.class).stream().map(e -> e.getString("filename")).toList();
    }

    /** Every entry's file is there with the size and MD5 the entry records. */
    static void assertEntriesMatchFiles(Path folder, JsonArray images) throws Exception {
        for (JsonObject entry : images.getValuesAs(JsonObject.class)) {
            Path file = folder.resolve(entry.getString("filename"));
            assertEquals(Files.size(file), entry.getJsonNumber("file_size_bytes").longValue(), file.toString());
            assertEquals(md5(file), entry.getString("content_hash"), file.toString());
        }
    }

    private static String md5(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("MD5");
        try (InputStream in = Files.newInputStream(file)) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
