package io.propertyimages.input;

/** The input file is not a list of properties we can read; the message names the line or field. */
public final class InputFormatException extends Exception {
    public InputFormatException(String message) {
        super(message);
    }
}
