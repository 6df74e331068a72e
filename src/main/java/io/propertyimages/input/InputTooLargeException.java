package io.propertyimages.input;

/** An uploaded input file is bigger than the server accepts. */
public final class InputTooLargeException extends Exception {
    public InputTooLargeException(long maxBytes) {
        super("the input is larger than the limit of " + maxBytes + " bytes (server variable inputs.max.bytes)");
    }
}
