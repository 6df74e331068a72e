package io.propertyimages.api;

import java.util.List;

import io.propertyimages.executions.FailedImage;

/** A page of the URLs that failed in an execution: {@code total} in all, these from the {@code start}-th. */
public record FailedImagesView(long executionId, long total, long start, List<FailedImage> failures) {
}
