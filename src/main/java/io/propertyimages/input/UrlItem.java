package io.propertyimages.input;

/**
 * One image URL of the input: the {@code index}-th URL of the whole file (0-based, stable across restarts), of the
 * {@code propertyIndex}-th property, at 1-based {@code position} in that property's list.
 */
public record UrlItem(long index, int propertyIndex, String address, String url, int position) {
}
