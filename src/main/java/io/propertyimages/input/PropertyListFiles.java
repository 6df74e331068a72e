package io.propertyimages.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens an input file of properties and their image URLs: JSON {@code {"properties":[{"address":…,"imageUrls":[…]}]}}
 * or CSV with the header {@code address,image_url}. The format follows the file name's extension, or else the first
 * character ({@code {} means JSON).
 */
public final class PropertyListFiles {
    private PropertyListFiles() {
    }

    public static UrlItemSource open(Path file) throws IOException, InputFormatException {
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            UrlItemSource source = isJson(file, reader)
                    ? new JsonUrlItemSource(reader)
                    : new CsvUrlItemSource(reader);
            return new DistinctUrlItemSource(source);
        } catch (IOException | InputFormatException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Reads the whole file once, as the job will, and counts what it holds; the first problem is thrown. */
    public static InputSummary scan(Path file) throws IOException, InputFormatException {
        int properties = 0;
        long urls = 0;
        int lastProperty = -1;
        try (UrlItemSource source = open(file)) {
            for (UrlItem item = source.next(); item != null; item = source.next()) {
                urls++;
                if (item.propertyIndex() != lastProperty) {
                    lastProperty = item.propertyIndex();
                    properties++;
                }
            }
        }
        return new InputSummary(properties, urls);
    }

    private static boolean isJson(Path file, Reader reader) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return true;
        }
        if (name.endsWith(".csv")) {
            return false;
        }
        reader.mark(4096);
        int c;
        do {
            c = reader.read();
        } while (c == '\uFEFF' || (c != -1 && Character.isWhitespace(c)));
        reader.reset();
        return c == '{';
    }
}
