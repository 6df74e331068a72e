package io.propertyimages.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.propertyimages.store.ImageManifest;
import io.propertyimages.store.ManifestEntry;
import io.propertyimages.store.ManifestFailure;

import org.junit.jupiter.api.Test;

class CleanupPlanTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Instant CUTOFF = NOW.minus(Duration.ofDays(14));

    @Test
    void deletesOnlyImagesDownloadedBeforeTheCutoff() {
        ImageManifest manifest = manifest(entry("img_001.jpg", daysAgo(30)), entry("img_002.jpg", daysAgo(13)),
                entry("img_003.jpg", CUTOFF), entry("img_004.jpg", CUTOFF.minusMillis(1)));

        CleanupPlan plan = CleanupPlan.of(manifest, contents(file("img_001.jpg", 1), file("img_002.jpg", 1),
                file("img_003.jpg", 1), file("img_004.jpg", 1)), CUTOFF);

        assertEquals(List.of("img_001.jpg", "img_004.jpg"), plan.expired().stream().map(e -> e.file().name()).toList());
        assertTrue(plan.missing().isEmpty());
        assertTrue(plan.orphans().isEmpty());
        assertFalse(plan.removesFolder(), "two images stay");
        assertTrue(plan.changesManifest());
    }

    @Test
    void anImageOfUnknownAgeStays() {
        CleanupPlan plan = CleanupPlan.of(manifest(entry("img_001.jpg", null)), contents(file("img_001.jpg", 1)), CUTOFF);

        assertTrue(plan.expired().isEmpty());
        assertFalse(plan.removesFolder());
    }

    @Test
    void dropsTheEntryOfAMissingFileWhateverItsAge() {
        CleanupPlan plan = CleanupPlan.of(manifest(entry("img_001.jpg", daysAgo(1)), entry("img_002.jpg", daysAgo(1))),
                contents(file("img_002.jpg", 1)), CUTOFF);

        assertEquals(List.of("img_001.jpg"), plan.missing().stream().map(ManifestEntry::filename).toList());
        assertTrue(plan.expired().isEmpty());
        assertTrue(plan.changesManifest());
    }

    @Test
    void reportsEveryOrphanAndDeletesThoseOlderThanTheCutoff() {
        StoredFile oldTemp = new StoredFile(".tmp-img_002.jpg-1f2e", 10, daysAgo(20));
        StoredFile freshTemp = new StoredFile(".tmp-img_003.jpg-9a8b", 10, daysAgo(0));
        StoredFile oldNotes = new StoredFile("notes.txt", 10, daysAgo(15));

        CleanupPlan plan = CleanupPlan.of(manifest(entry("img_001.jpg", daysAgo(1))),
                contents(file("img_001.jpg", 1), oldTemp, freshTemp, oldNotes), CUTOFF);

        assertEquals(List.of(oldTemp, freshTemp, oldNotes), plan.orphans());
        assertEquals(List.of(oldTemp, oldNotes), plan.staleOrphans());
        assertFalse(plan.changesManifest(), "orphans are not in the manifest");
    }

    @Test
    void removesTheFolderOnlyWhenNothingWouldBeLeftInIt() {
        ImageManifest expiring = manifest(entry("img_001.jpg", daysAgo(30)), entry("img_002.jpg", daysAgo(1)));
        FolderContents oneFile = contents(file("img_001.jpg", 1));
        assertTrue(CleanupPlan.of(expiring, oneFile, CUTOFF).removesFolder(), "one image expired, the other missing");

        FolderContents withFreshOrphan = contents(file("img_001.jpg", 1), new StoredFile("x.jpg", 1, daysAgo(1)));
        assertFalse(CleanupPlan.of(expiring, withFreshOrphan, CUTOFF).removesFolder(), "a fresh orphan stays");

        FolderContents withSubfolder = new FolderContents(true, oneFile.files(), true);
        assertFalse(CleanupPlan.of(expiring, withSubfolder, CUTOFF).removesFolder(), "a subfolder is not ours");

        ImageManifest withFailure = manifest(entry("img_001.jpg", daysAgo(30)));
        withFailure.putFailure(new ManifestFailure("http://h/gone.jpg", 2, "HTTP 404 Not Found", 1, daysAgo(30)));
        assertFalse(CleanupPlan.of(withFailure, oneFile, CUTOFF).removesFolder(), "the manifest still records a failure");

        assertTrue(CleanupPlan.of(ImageManifest.empty("1 A St"), contents(), CUTOFF).removesFolder(), "already empty");
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static StoredFile file(String name, int daysAgo) {
        return new StoredFile(name, 100, daysAgo(daysAgo));
    }

    private static FolderContents contents(StoredFile... files) {
        return new FolderContents(true, List.of(files), false);
    }

    private static ImageManifest manifest(ManifestEntry... entries) {
        ImageManifest manifest = ImageManifest.empty("1 A St");
        for (ManifestEntry entry : entries) {
            manifest.put(entry);
        }
        return manifest;
    }

    static ManifestEntry entry(String filename, Instant downloaded) {
        return new ManifestEntry(filename, "http://h/" + filename, downloaded, 100, 4, 3, "0cc175b9c0f1b6a831c399e269772661",
                "jpeg", "1 A St", null, null, null);
    }
}
