package io.propertyimages.batch.download;

import java.io.Serializable;

/**
 * Where a partition's reader goes on after a restart: the input's URL at {@code nextIndex} (the first not yet
 * committed), which is URL {@code nextPosition} of property {@code nextProperty}. The input's size and modification
 * time are kept so a restart on a changed file fails instead of skipping the wrong URLs.
 */
public record UrlCheckpoint(long nextIndex, int nextProperty, int nextPosition, InputFingerprint input)
        implements Serializable {
}
