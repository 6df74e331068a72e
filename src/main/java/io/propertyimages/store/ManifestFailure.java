package io.propertyimages.store;

import java.time.Instant;

/** A URL of a property that could not be saved, and why; it leaves the manifest once it succeeds. */
public record ManifestFailure(String sourceUrl, int position, String reason, int attempts, Instant lastAttempt) {
}
