package io.propertyimages.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverFilesTest {
    @TempDir
    Path folder;

    @Test
    void removesTempFilesAndUnlistedImagesAndKeepsEverythingElse() throws IOException {
        for (String name : List.of("img_001.jpg", "img_002.jpg", "img_1000.jpg", ImageManifest.FILE_NAME,
                ".tmp-img_003.jpg-1f2e3d4c", ".tmp-images_manifest.json-99", "notes.txt", "img_4.jpg")) {
            Files.writeString(folder.resolve(name), name);
        }
        Files.createDirectory(folder.resolve("img_005.jpg"));

        LeftoverFiles.remove(folder, Set.of("img_001.jpg"));

        assertEquals(List.of(ImageManifest.FILE_NAME, "img_001.jpg", "img_005.jpg", "img_4.jpg", "notes.txt"), names());
    }

    @Test
    void aFolderNotYetCreatedHasNothingLeft() {
        assertDoesNotThrow(() -> LeftoverFiles.remove(folder.resolve("not-yet"), Set.of()));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
