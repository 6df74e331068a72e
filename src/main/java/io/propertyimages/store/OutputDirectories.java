package io.propertyimages.store;

import java.nio.file.Path;

/** Resolves the {@code outputDir} a job is given: a folder inside the images root, which is also the default. */
public final class OutputDirectories {
    private OutputDirectories() {
    }

    /**
     * @param requested absent or blank for the images root itself; relative paths are taken from the images root
     * @throws IllegalArgumentException when the folder would lie outside the images root
     */
    public static Path resolve(Path imagesRoot, String requested) {
        Path root = imagesRoot.toAbsolutePath().normalize();
        if (requested == null || requested.isBlank()) {
            return root;
        }
        Path resolved = root.resolve(requested.strip()).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("outputDir \"" + requested + "\" is outside the images root " + root);
        }
        return resolved;
    }
}
