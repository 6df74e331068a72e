package io.propertyimages.api;

/** An input file stored on the server: its path, to pass as a job's {@code input}, and what it holds. */
public record InputView(String input, int properties, long urls) {
}
