package io.propertyimages.store;

import java.time.Instant;

/** One saved image of a property, as its manifest lists it. */
public record ManifestEntry(
        String filename,
        String sourceUrl,
        Instant downloadTimestamp,
        long fileSizeBytes,
        int width,
        int height,
        String contentHash,
        String originalFormat,
        String propertyAddress,
        Boolean firstFrameOnly,
        String etag,
        String lastModified) {
}
