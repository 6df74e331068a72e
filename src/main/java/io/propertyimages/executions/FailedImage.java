package io.propertyimages.executions;

import java.time.Instant;

/** A URL an execution could not save: the property's address, the URL's position in its list, and why. */
public record FailedImage(String url, String address, int position, String reason, int attempts, Instant failedAt) {
}
