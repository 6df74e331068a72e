package io.propertyimages.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves the {@code outputDir} a job is given: a folder inside the images root, which is also the default. */
public final class OutputDirectories {
    private OutputDirectories() {
    }

    /**
     * @param requested absent or blank for the images root itself; relative paths are taken from the images root
     * @throws IllegalArgumentException when the folder would lie outside the images root, by its name or through a
     *                                  symbolic link on its way
     */
    public static Path resolve(Path imagesRoot, String requested) {
        Path root = imagesRoot.toAbsolutePath().normalize();
        if (requested == null || requested.isBlank()) {
            return root;
        }
        Path resolved = root.resolve(requested.strip()).normalize();
        if (!resolved.startsWith(root) || !reallyInside(root, resolved)) {
            throw new IllegalArgumentException("outputDir \"" + requested + "\" is outside the images root " + root);
        }
        return resolved;
    }

    /** Whether the deepest part of {@code folder} that exists already is, links followed, still inside the root. */
    private static boolean reallyInside(Path root, Path folder) {
        Path existing = folder;
        while (!existing.equals(root) && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!Files.exists(existing)) {
            return true;
        }
        try {
            return existing.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
