package io.propertyimages.api;

/** The body of every 4xx and 5xx answer: {@code {"message": "…"}}. */
public record ErrorMessage(String message) {
}
