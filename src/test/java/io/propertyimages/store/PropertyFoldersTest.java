package io.propertyimages.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertyFoldersTest {
    private static final Instant EARLIER = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-24T12:00:00Z");
    private final ManifestStore manifests = new ManifestStore(Clock.fixed(LATER, ZoneOffset.UTC));

    @TempDir
    Path temp;
    private Path root;
    private PropertyFolders folders;

    @BeforeEach
    void imagesRoot() throws IOException {
        root = Files.createDirectories(temp.resolve("images"));
        folders = new PropertyFolders(root, manifests);
    }

    @Test
    void listsPropertyFoldersAtTheRootAndUnderOutputDirsWithTheirTotals() throws IOException {
        Path main = property("123-main-st", "123 Main St", entry("img_001.jpg", 1000, EARLIER), entry("img_002.jpg", 500, LATER));
        ImageManifest withFailure = manifests.load(main, null);
        withFailure.putFailure(new ManifestFailure("http://h/gone.jpg", 3, "HTTP 404 Not Found", 1, LATER));
        manifests.save(main, withFailure);
        property("phoenix/9-elm-rd", "9 Elm Rd");
        property("phoenix/2026/1-oak-ave", "1 Oak Ave", entry("img_001.jpg", 42, EARLIER));

        List<String> names = folders.names();
        List<PropertySummary> listed = names.stream().map(name -> folders.summary(name).orElseThrow()).toList();

        assertEquals(List.of("123-main-st", "phoenix/2026/1-oak-ave", "phoenix/9-elm-rd"), names);
        assertEquals(List.of(
                new PropertySummary("123-main-st", "123 Main St", 2, 1500, LATER, 1),
                new PropertySummary("phoenix/2026/1-oak-ave", "1 Oak Ave", 1, 42, EARLIER, 0),
                new PropertySummary("phoenix/9-elm-rd", "9 Elm Rd", 0, 0, null, 0)), listed);
    }

    @Test
    void namesFoldersWithAManifestOutsideHiddenFoldersAndSummarisesOnlyReadableOnes() throws IOException {
        property("good", "1 Good St");
        property(".trash/old", "2 Old St");
        Files.createDirectories(root.resolve("empty/nothing"));
        Path corrupt = Files.createDirectories(root.resolve("corrupt"));
        Files.writeString(corrupt.resolve(ImageManifest.FILE_NAME), "{\"images\": [");

        assertEquals(List.of("corrupt", "good"), folders.names(), "names are not read from the manifests");
        assertEquals(Optional.empty(), folders.summary("corrupt"), "a corrupt manifest has no summary");
        assertEquals(Optional.empty(), folders.summary("empty/nothing"));
    }

    @Test
    void aMissingRootHasNoProperties() throws IOException {
        assertEquals(List.of(), new PropertyFolders(temp.resolve("not-yet"), manifests).names());
    }

    @Test
    void findsAFolderByItsNameOnlyInsideTheRootAndWithAManifest() throws IOException {
        Path nested = property("phoenix/1-oak-ave", "1 Oak Ave");
        property(".hidden", "3 Hidden St");
        Files.createDirectories(root.resolve("phoenix/no-manifest"));
        Path outside = Files.createDirectories(temp.resolve("outside"));
        manifests.save(outside, ImageManifest.empty("4 Outside St"));
        Files.createSymbolicLink(root.resolve("link-out"), outside);

        assertEquals(Optional.of(nested), folders.folder("phoenix/1-oak-ave"));
        for (String name : List.of("", "phoenix", "phoenix/no-manifest", "../outside", "phoenix/../../outside", ".hidden",
                "phoenix//1-oak-ave", "phoenix/1-oak-ave/", "/phoenix/1-oak-ave", outside.toString(), "link-out",
                "phoenix\\1-oak-ave", "phoenix/./1-oak-ave")) {
            assertEquals(Optional.empty(), folders.folder(name), name);
        }
        assertEquals(Optional.empty(), folders.folder(null));
    }

    @Test
    void handsOutOnlyImagesTheManifestListsAndThatArePlainFiles() throws IOException {
        Path folder = property("1-oak-ave", "1 Oak Ave", entry("img_001.jpg", 3, EARLIER), entry("img_002.jpg", 3, EARLIER));
        Files.write(folder.resolve("img_001.jpg"), new byte[] {1, 2, 3});
        Files.write(folder.resolve("stray.jpg"), new byte[] {1, 2, 3});
        ImageManifest manifest = folders.manifest(folder);

        ManifestEntry first = PropertyFolders.entry(manifest, "img_001.jpg").orElseThrow();
        assertEquals(Optional.of(folder.resolve("img_001.jpg")), PropertyFolders.imageFile(folder, first));
        assertTrue(PropertyFolders.entry(manifest, "stray.jpg").isEmpty(), "not in the manifest");
        ManifestEntry missing = PropertyFolders.entry(manifest, "img_002.jpg").orElseThrow();
        assertEquals(Optional.empty(), PropertyFolders.imageFile(folder, missing), "listed, but not on disk");
        ManifestEntry climbing = entry("../1-oak-ave/img_001.jpg", 3, EARLIER);
        assertEquals(Optional.empty(), PropertyFolders.imageFile(folder, climbing));
    }

    @Test
    void servesTheManifestAsItsFileHoldsIt() throws IOException {
        Path folder = property("1-oak-ave", "1 Oak Ave", entry("img_001.jpg", 3, EARLIER));

        String json = folders.json(folders.manifest(folder));

        assertEquals(Files.readString(folder.resolve(ImageManifest.FILE_NAME)), json);
        assertTrue(json.contains("\"property_address\": \"1 Oak Ave\""), json);
    }

    private Path property(String name, String address, ManifestEntry... entries) throws IOException {
        Path folder = Files.createDirectories(root.resolve(name));
        ImageManifest manifest = ImageManifest.empty(address);
        for (ManifestEntry entry : entries) {
            manifest.put(entry);
        }
        manifests.save(folder, manifest);
        return folder;
    }

    private static ManifestEntry entry(String filename, long size, Instant downloaded) {
        return new ManifestEntry(filename, "http://h/" + filename, downloaded, size, 4, 3,
                "5d41402abc4b2a76b9719d911017c592", "jpeg", "1 Oak Ave", null, null, null);
    }
}
