package io.propertyimages.input;

/** What an input file holds: properties with at least one URL, and URLs (duplicates within a property not counted). */
public record InputSummary(int properties, long urls) {
}
