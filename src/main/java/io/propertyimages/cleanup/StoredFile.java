package io.propertyimages.cleanup;

import java.time.Instant;

/** A regular file in a property folder, other than its manifest: its name, size and modification time. */
public record StoredFile(String name, long sizeBytes, Instant lastModified) {
}
