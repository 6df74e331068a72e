package io.propertyimages.batch.download;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/** Identifies the content of an input file cheaply, by size and modification time. */
public record InputFingerprint(long size, long lastModifiedMillis) implements Serializable {
    static InputFingerprint of(Path file) throws IOException {
        return new InputFingerprint(Files.size(file), Files.getLastModifiedTime(file).toMillis());
    }
}
