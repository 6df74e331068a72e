package io.propertyimages.store;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A URL of a property that could not be saved, and why; it leaves the manifest once it succeeds. */
@JsonbPropertyOrder({"sourceUrl", "position", "reason", "attempts", "lastAttempt"})
public record ManifestFailure(String sourceUrl, int position, String reason, int attempts, Instant lastAttempt) {
}
