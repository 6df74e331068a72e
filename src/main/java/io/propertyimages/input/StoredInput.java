package io.propertyimages.input;

import java.nio.file.Path;

/** An input file kept on the server, and what it holds. */
public record StoredInput(Path file, InputSummary summary) {
}
