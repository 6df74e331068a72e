package io.propertyimages.batch.download;

import java.time.Instant;

import io.propertyimages.imaging.JpegImage;
import io.propertyimages.input.UrlItem;

/** What the processor hands the writer: a downloaded image, converted, with what its manifest entry needs. */
record ImageToSave(UrlItem item, PropertyFolder folder, JpegImage jpeg, String contentHash, Instant downloadedAt,
                   String etag, String lastModified) {
}
