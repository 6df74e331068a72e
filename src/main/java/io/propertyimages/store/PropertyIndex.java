package io.propertyimages.store;

import java.nio.file.Path;

/**
 * Hears of every change to a property folder's manifest, from whoever holds the folder's lock and made it, so that
 * what the gallery lists can follow the folders without reading them.
 */
public interface PropertyIndex {
    /** The folder's manifest is now {@code manifest}, saved. */
    void saved(Path folder, ImageManifest manifest);

    /** The folder is gone. */
    void removed(Path folder);
}
