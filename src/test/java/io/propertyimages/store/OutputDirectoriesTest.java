package io.propertyimages.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class OutputDirectoriesTest {
    private final Path root = Path.of("/srv/images");

    @Test
    void defaultsToTheImagesRootAndResolvesInsideIt() {
        assertEquals(root, OutputDirectories.resolve(root, null));
        assertEquals(root, OutputDirectories.resolve(root, " "));
        assertEquals(root.resolve("phoenix"), OutputDirectories.resolve(root, "phoenix"));
        assertEquals(root.resolve("phoenix"), OutputDirectories.resolve(root, "/srv/images/phoenix"));
    }

    @Test
    void refusesAFolderOutsideTheImagesRoot() {
        assertThrows(IllegalArgumentException.class, () -> OutputDirectories.resolve(root, "../elsewhere"));
        assertThrows(IllegalArgumentException.class, () -> OutputDirectories.resolve(root, "/tmp"));
        assertThrows(IllegalArgumentException.class, () -> OutputDirectories.resolve(root, "/srv/images-other"));
    }
}
