package io.propertyimages.store;

import java.io.IOException;
import java.nio.file.Path;

/** A manifest file that exists but cannot be read as one; it is never overwritten blindly. */
public final class CorruptManifestException extends IOException {
    public CorruptManifestException(Path file, String detail) {
        super("corrupt manifest " + file + ": " + detail);
    }
}
