package io.propertyimages.store;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** One saved image of a property, as its manifest lists it. */
@JsonbPropertyOrder({"filename", "sourceUrl", "downloadTimestamp", "fileSizeBytes", "width", "height", "contentHash",
        "originalFormat", "propertyAddress", "firstFrameOnly", "etag", "lastModified"})
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
