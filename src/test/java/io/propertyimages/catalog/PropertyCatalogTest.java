package io.propertyimages.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.propertyimages.store.ImageManifest;
import io.propertyimages.store.ManifestEntry;
import io.propertyimages.store.ManifestStore;
import io.propertyimages.store.PropertySummary;
import io.propertyimages.testing.FileTrees;

/** The gallery's table of property folders, on an in-memory H2, beside an images root on disk. */
class PropertyCatalogTest {
    private static final Instant DOWNLOADED = Instant.parse("2026-11-24T12:00:00Z");
    private final ManifestStore manifests = new ManifestStore(Clock.fixed(DOWNLOADED, ZoneOffset.UTC));
    private final PropertyCatalog catalog = new PropertyCatalog();

    @TempDir
    Path root;

    @BeforeEach
    void openCatalog() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        catalog.dataSource = dataSource;
        catalog.imagesRoot = root.toString();
        catalog.open();
    }

    @Test
    void recordsEachSavedManifestAndPagesTheFoldersByNameWithTheirTotal() throws IOException {
        for (String name : List.of("c-st", "a-st", "phoenix/b-st")) {
            save(name, name.replace('-', ' '), 2);
        }
        save("a-st", "A St", 3);

        PropertyPage first = catalog.page(null, 0, 2);
        PropertyPage second = catalog.page(" ", 2, 2);

        assertEquals(3, first.total());
        assertEquals(List.of(new PropertySummary("a-st", "A St", 3, 300, DOWNLOADED, 0),
                new PropertySummary("c-st", "c st", 2, 200, DOWNLOADED, 0)), first.properties());
        assertEquals(List.of("phoenix/b-st"), second.properties().stream().map(PropertySummary::folder).toList());
        assertEquals(2, second.start());
    }

    @Test
    void filtersByAddressOrFolderInAnyCaseWithWildcardsTakenLiterally() throws IOException {
        save("phoenix/1-main-st", "1 Main St, Phoenix", 1);
        save("mesa/2-elm-ave", "2 Elm Ave, Mesa", 1);
        save("mesa/100-percent-rd", "100% Rd_North, Mesa", 1);

        assertEquals(List.of("phoenix/1-main-st"), folders(catalog.page("MAIN st", 0, 10)));
        assertEquals(List.of("mesa/100-percent-rd", "mesa/2-elm-ave"), folders(catalog.page("mesa/", 0, 10)));
        assertEquals(List.of("mesa/100-percent-rd"), folders(catalog.page("0% rd_", 0, 10)));
        assertEquals(0, catalog.page("_lm", 0, 10).total(), "an underscore is an underscore, not any character");
    }

    @Test
    void dropsARemovedFolderAndCatchesUpWithTheImagesRootAtStart() throws IOException {
        Path gone = save("gone-st", "Gone St", 1);
        save("kept-st", "Kept St", 1);
        catalog.removed(gone);
        assertEquals(List.of("kept-st"), folders(catalog.page(null, 0, 10)));

        Path copiedIn = Files.createDirectories(root.resolve("copied-in-st"));
        manifests.save(copiedIn, manifest("Copied In St", 2));
        FileTrees.delete(root.resolve("kept-st"));
        catalog.catchUp();

        assertEquals(List.of("copied-in-st", "gone-st"), folders(catalog.page(null, 0, 10)),
                "folders on disk the table missed are added, rows of folders gone are dropped");
    }

    private Path save(String name, String address, int images) throws IOException {
        Path folder = Files.createDirectories(root.resolve(name));
        ImageManifest manifest = manifest(address, images);
        manifests.save(folder, manifest);
        catalog.saved(folder, manifest);
        return folder;
    }

    private static ImageManifest manifest(String address, int images) {
        ImageManifest manifest = ImageManifest.empty(address);
        for (int i = 1; i <= images; i++) {
            String file = String.format("img_%03d.jpg", i);
            manifest.put(new ManifestEntry(file, "http://h/" + file, DOWNLOADED, 100, 4, 3,
                    "5d41402abc4b2a76b9719d911017c592", "jpeg", address, null, null, null));
        }
        return manifest;
    }

    private static List<String> folders(PropertyPage page) {
        return page.properties().stream().map(PropertySummary::folder).toList();
    }
}
