package io.propertyimages.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A local input file to upload: its format, as the server decides it (extension, else first character), and a name. */
record InputFile(Path path, boolean json) {

    static InputFile of(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new CliException(ExitCodes.USAGE, "no such file: " + path);
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return new InputFile(path, true);
        }
        if (name.endsWith(".csv")) {
            return new InputFile(path, false);
        }
        return new InputFile(path, startsWithBrace(path));
    }

    String contentType() {
        return json ? "application/json" : "text/csv";
    }

    /** The file's name as the server accepts it: letters, digits, {@code .-_}, ending in .json or .csv. */
    String uploadName() {
        String extension = json ? ".json" : ".csv";
        String name = path.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(extension)) {
            name = name.substring(0, name.length() - extension.length());
        }
        String stem = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+|[-.]+$", "");
        if (stem.isEmpty()) {
            stem = "input";
        }
        return stem.substring(0, Math.min(stem.length(), 100 - extension.length())) + extension;
    }

    private static boolean startsWithBrace(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int c;
            do {
                c = reader.read();
            } while (c == '\uFEFF' || (c != -1 && Character.isWhitespace(c)));
            return c == '{';
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read " + path + ": " + e.getMessage());
        }
    }
}
