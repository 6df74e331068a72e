package io.propertyimages.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void refusesAFolderThatALinkInsideTheRootLeadsOutOf(@TempDir Path temp) throws IOException {
        Path imagesRoot = Files.createDirectories(temp.resolve("images"));
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.createSymbolicLink(imagesRoot.resolve("escape"), elsewhere);

        assertThrows(IllegalArgumentException.class, () -> OutputDirectories.resolve(imagesRoot, "escape"));
        assertThrows(IllegalArgumentException.class, () -> OutputDirectories.resolve(imagesRoot, "escape/phoenix"));
    }

    @Test
    void acceptsFoldersInsideARootThatIsItselfALink(@TempDir Path temp) throws IOException {
        Path realRoot = Files.createDirectories(temp.resolve("disk/images"));
        Files.createDirectories(realRoot.resolve("phoenix"));
        Path linkedRoot = Files.createSymbolicLink(temp.resolve("images"), realRoot);
        Files.createSymbolicLink(realRoot.resolve("tempe"), realRoot.resolve("phoenix"));

        assertEquals(linkedRoot.resolve("phoenix"), OutputDirectories.resolve(linkedRoot, "phoenix"));
        assertEquals(linkedRoot.resolve("phoenix/new/folder"), OutputDirectories.resolve(linkedRoot, "phoenix/new/folder"));
        assertEquals(linkedRoot.resolve("tempe"), OutputDirectories.resolve(linkedRoot, "tempe"));
        assertEquals(linkedRoot.resolve("scottsdale"), OutputDirectories.resolve(linkedRoot, "scottsdale"));
    }
}
