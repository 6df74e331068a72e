package io.propertyimages.input;

import java.io.IOException;

/** Streams the URL items of an input file in order, without holding the file in memory. */
public interface UrlItemSource extends AutoCloseable {
    /** The next item, or {@code null} at the end of the input. */
    UrlItem next() throws IOException, InputFormatException;

    @Override
    void close() throws IOException;
}
