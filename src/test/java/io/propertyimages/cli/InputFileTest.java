package io.propertyimages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFileTest {
    @TempDir
    Path dir;

    @Test
    void theFormatFollowsTheExtensionElseTheFirstCharacterAsOnTheServer() throws IOException {
        assertEquals("application/json", InputFile.of(write("a.json", "address,image_url\n")).contentType());
        assertEquals("text/csv", InputFile.of(write("a.csv", "{}")).contentType());
        assertEquals("application/json", InputFile.of(write("listings", "\uFEFF  \n {\"properties\": []}")).contentType());
        assertEquals("text/csv", InputFile.of(write("listings.txt", "address,image_url\n")).contentType());
    }

    @Test
    void theNameSentIsAPlainFileNameWithTheFormatsExtension() throws IOException {
        assertEquals("my-listings-Phoenix.csv", InputFile.of(write("my listings (Phoenix).csv", "a")).uploadName());
        assertEquals("listings.txt.csv", InputFile.of(write("listings.txt", "a")).uploadName());
        assertEquals("input.json", InputFile.of(write("...json", "{")).uploadName());
        assertEquals("x".repeat(95) + ".json", InputFile.of(write("x".repeat(120) + ".JSON", "{")).uploadName());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
