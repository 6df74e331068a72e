package io.propertyimages.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * A property folder as the download job leaves it, for tests, but with images downloaded days ago: each image's
 * manifest {@code download_timestamp} and its file's modification time are set in the past.
 */
final class AgedPropertyFolder {
    private final Path folder;
    private final String address;
    private final JsonArrayBuilder images = Json.createArrayBuilder();

    AgedPropertyFolder(Path outputDir, String name) throws IOException {
        this.folder = Files.createDirectories(outputDir.resolve(name));
        this.address = name;
    }

    static Instant daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days));
    }

    /** An image downloaded {@code days} ago, in the manifest and on disk. */
    AgedPropertyFolder image(String filename, byte[] bytes, int days) throws IOException {
        images.add(entry(filename, bytes, days));
        file(filename, bytes, days);
        return this;
    }

    /** A manifest entry whose file is not there. */
    AgedPropertyFolder missing(String filename, int days) {
        images.add(entry(filename, new byte[10], days));
        return this;
    }

    /** A file no manifest entry names, last modified {@code days} ago. */
    AgedPropertyFolder orphan(String filename, byte[] bytes, int days) throws IOException {
        file(filename, bytes, days);
        return this;
    }

    /** The manifest's JSON. */
    String manifestJson() {
        return Json.createObjectBuilder().add("version", "1.0").add("property_address", address)
                .add("last_updated", Instant.now().toString()).add("images", images).add("failures", Json.createArrayBuilder())
                .build().toString();
    }

    /** Writes the manifest and answers the folder. */
    Path write() throws IOException {
        Files.writeString(folder.resolve("images_manifest.json"), manifestJson());
        return folder;
    }

    private JsonObjectBuilder entry(String filename, byte[] bytes, int days) {
        return Json.createObjectBuilder().add("filename", filename).add("source_url", "http://127.0.0.1:1/" + address + "/" + filename)
                .add("download_timestamp", daysAgo(days).toString()).add("file_size_bytes", bytes.length)
                .add("width", 1).add("height", 1).add("content_hash", md5(bytes)).add("original_format", "jpeg")
                .add("property_address", address);
    }

    private void file(String filename, byte[] bytes, int days) throws IOException {
        Path file = Files.write(folder.resolve(filename), bytes);
        Files.setLastModifiedTime(file, FileTime.from(daysAgo(days)));
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
