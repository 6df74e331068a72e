package io.propertyimages.catalog;

import java.util.List;

import io.propertyimages.store.PropertySummary;

/** A page of the property folders that match a filter: {@code total} of them, the page from the {@code start}-th. */
public record PropertyPage(long total, long start, List<PropertySummary> properties) {
}
