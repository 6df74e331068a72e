package io.propertyimages.cleanup;

import static io.propertyimages.cleanup.CleanupPlanTest.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import io.propertyimages.store.FolderLocks;
import io.propertyimages.store.ImageManifest;
import io.propertyimages.store.ManifestEntry;
import io.propertyimages.store.ManifestStore;
import io.propertyimages.store.PropertyIndex;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderCleanerTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Instant CUTOFF = NOW.minus(Duration.ofDays(14));
    private final ManifestStore store = new ManifestStore(Clock.fixed(NOW, ZoneOffset.UTC));
    /** One lock for every folder, which the tests can hold and see waited for. */
    private final ReentrantLock folderLock = new ReentrantLock();
    private final FolderLocks locks = folder -> {
        folderLock.lock();
        return folderLock::unlock;
    };
    /** What the cleaner told the gallery's index, in order: "saved FOLDER IMAGES" or "removed FOLDER". */
    private final List<String> indexed = new ArrayList<>();
    private final PropertyIndex index = new PropertyIndex() {
        @Override
        public void saved(Path folder, ImageManifest manifest) {
            indexed.add("saved " + folder.getFileName() + " " + manifest.getImages().size());
        }

        @Override
        public void removed(Path folder) {
            indexed.add("removed " + folder.getFileName());
        }
    };
    private final FolderCleaner cleaner = new FolderCleaner(store, locks, index);

    @TempDir
    Path root;

    @Test
    void aDryRunChangesNothingAndReportsExactlyWhatTheRealRunThenDoes() throws IOException {
        Path folder = propertyFolder("1-a-st", entry("img_001.jpg", daysAgo(30)), entry("img_002.jpg", daysAgo(1)),
                entry("img_003.jpg", daysAgo(30)));
        Files.delete(folder.resolve("img_003.jpg"));
        writeFile(folder.resolve(".tmp-img_004.jpg-3fa2"), 7, daysAgo(20));
        writeFile(folder.resolve("notes.txt"), 5, daysAgo(1));
        Map<String, String> before = snapshot(folder);

        FolderReport dryRun = cleaner.clean(folder, CUTOFF, true);

        assertEquals(before, snapshot(folder), "a dry run changes nothing");
        assertEquals(List.of("img_001.jpg"), dryRun.deleted());
        assertEquals(List.of("img_003.jpg"), dryRun.missing());
        assertEquals(List.of(".tmp-img_004.jpg-3fa2", "notes.txt"), dryRun.orphans());
        assertEquals(List.of(".tmp-img_004.jpg-3fa2"), dryRun.orphansDeleted());
        assertEquals(100 + 7, dryRun.bytes());
        assertFalse(dryRun.folderRemoved());

        FolderReport real = cleaner.clean(folder, CUTOFF, false);

        assertEquals(dryRun, real);
        assertEquals(List.of("saved 1-a-st 1"), indexed, "the dry run tells the index nothing, the real one its new manifest");
        assertEquals(List.of("images_manifest.json", "img_002.jpg", "notes.txt"), List.copyOf(snapshot(folder).keySet()));
        assertEquals(List.of("img_002.jpg"), store.load(folder, "1 A St").getImages().stream().map(ManifestEntry::filename).toList());
        assertTrue(real.describe(false).contains("deleted img_001.jpg"), real.describe(false));
        assertTrue(dryRun.describe(true).contains("would delete img_001.jpg"), dryRun.describe(true));
    }

    @Test
    void removesAFolderThatEndsUpEmpty() throws IOException {
        Path folder = propertyFolder("2-b-st", entry("img_001.jpg", daysAgo(30)), entry("img_002.jpg", daysAgo(15)));

        FolderReport report = cleaner.clean(folder, CUTOFF, false);

        assertTrue(report.folderRemoved());
        assertEquals(200, report.bytes());
        assertFalse(Files.exists(folder));
        assertEquals(List.of("saved 2-b-st 0", "removed 2-b-st"), indexed);
    }

    @Test
    void leavesAFolderWithACorruptManifestAlone() throws IOException {
        Path folder = Files.createDirectories(root.resolve("3-c-st"));
        Files.writeString(folder.resolve(ImageManifest.FILE_NAME), "{\"images\": [");
        writeFile(folder.resolve("img_001.jpg"), 10, daysAgo(400));
        Map<String, String> before = snapshot(folder);

        FolderReport report = cleaner.clean(folder, CUTOFF, false);

        assertTrue(report.corrupt().startsWith("corrupt manifest"), report.corrupt());
        assertTrue(report.deleted().isEmpty() && report.orphans().isEmpty());
        assertEquals(before, snapshot(folder));
    }

    @Test
    void aManifestNamingAFileOutsideItsFolderIsCorrupt() throws IOException {
        Path folder = propertyFolder("4-d-st", entry("img_001.jpg", daysAgo(30)));
        ImageManifest manifest = store.load(folder, "4 D St");
        manifest.put(entry("../victim.jpg", daysAgo(30)));
        store.save(folder, manifest);
        writeFile(root.resolve("victim.jpg"), 10, daysAgo(30));

        FolderReport report = cleaner.clean(folder, CUTOFF, false);

        assertTrue(report.corrupt().contains("../victim.jpg"), report.corrupt());
        assertTrue(Files.exists(root.resolve("victim.jpg")));
        assertTrue(Files.exists(folder.resolve("img_001.jpg")));
    }

    @Test
    void aManifestWithANullEntryOrTwoEntriesOfOneFileIsCorrupt() throws IOException {
        Path nullEntry = Files.createDirectories(root.resolve("4-n-st"));
        Files.writeString(nullEntry.resolve(ImageManifest.FILE_NAME), "{\"images\": [null]}");
        Path twice = propertyFolder("4-t-st", entry("img_001.jpg", daysAgo(30)));
        Files.writeString(twice.resolve(ImageManifest.FILE_NAME), Files.readString(twice.resolve(ImageManifest.FILE_NAME))
                .replace("\"img_001.jpg\"", "\"img_001.jpg\"}, {\"filename\": \"img_001.jpg\""));
        Map<String, String> before = snapshot(twice);

        FolderReport nullReport = cleaner.clean(nullEntry, CUTOFF, false);
        FolderReport twiceReport = cleaner.clean(twice, CUTOFF, false);

        assertTrue(nullReport.corrupt().contains("an image entry is null"), nullReport.corrupt());
        assertTrue(twiceReport.corrupt().contains("two image entries name img_001.jpg"), twiceReport.corrupt());
        assertEquals(before, snapshot(twice));
    }

    /** A download holds the folder's lock while it saves an image and its entry; the cleaner waits for it. */
    @Test
    void waitsForTheFolderLockAndKeepsWhatADownloadSavedMeanwhile() throws Exception {
        Path folder = propertyFolder("9-i-st", entry("img_001.jpg", daysAgo(30)));
        CompletableFuture<FolderReport> cleaning;
        folderLock.lock();
        try {
            cleaning = CompletableFuture.supplyAsync(() -> cleaner.clean(folder, CUTOFF, false));
            awaitWaiter(folderLock);
            ImageManifest manifest = store.load(folder, "9 I St");
            writeFile(folder.resolve("img_002.jpg"), 100, NOW);
            manifest.put(entry("img_002.jpg", NOW));
            store.save(folder, manifest);
            assertFalse(cleaning.isDone());
        } finally {
            folderLock.unlock();
        }

        FolderReport report = cleaning.get(10, TimeUnit.SECONDS);

        assertEquals(List.of("img_001.jpg"), report.deleted());
        assertTrue(report.orphans().isEmpty(), "the new image is no orphan: " + report.orphans());
        assertEquals(List.of("img_002.jpg"), store.load(folder, "9 I St").getImages().stream().map(ManifestEntry::filename).toList());
        assertEquals(List.of("images_manifest.json", "img_002.jpg"), List.copyOf(snapshot(folder).keySet()));
    }

    @Test
    void aFolderWithoutManifestLosesItsOldFilesAndAFolderOfFoldersIsNotTouched() throws IOException {
        Path stray = Files.createDirectories(root.resolve("5-e-st"));
        writeFile(stray.resolve(".tmp-img_001.jpg-77"), 10, daysAgo(30));
        Path group = Files.createDirectories(root.resolve("phoenix"));
        Files.createDirectories(group.resolve("6-f-st"));
        writeFile(group.resolve("old.txt"), 10, daysAgo(30));

        FolderReport strayReport = cleaner.clean(stray, CUTOFF, false);
        FolderReport groupReport = cleaner.clean(group, CUTOFF, false);

        assertEquals(List.of(".tmp-img_001.jpg-77"), strayReport.orphansDeleted());
        assertTrue(strayReport.folderRemoved());
        assertFalse(Files.exists(stray));
        assertTrue(groupReport.isEmpty());
        assertNull(groupReport.corrupt());
        assertTrue(Files.exists(group.resolve("old.txt")));
    }

    @Test
    void countsAddUpTheReports() throws IOException {
        Path one = propertyFolder("7-g-st", entry("img_001.jpg", daysAgo(30)), entry("img_002.jpg", daysAgo(1)));
        writeFile(one.resolve("stray.jpg"), 3, daysAgo(30));
        Path two = propertyFolder("8-h-st", entry("img_001.jpg", daysAgo(30)));

        CleanupCounts counts = CleanupCounts.NONE.plus(cleaner.clean(one, CUTOFF, false)).plus(cleaner.clean(two, CUTOFF, false));

        assertEquals("deleted=3 bytes=203 folders=1 orphans=1 orphansDeleted=1 missing=0 corrupt=0 failed=0", counts.toString());
    }

    private Path propertyFolder(String name, ManifestEntry... entries) throws IOException {
        Path folder = Files.createDirectories(root.resolve(name));
        ImageManifest manifest = ImageManifest.empty(name);
        for (ManifestEntry entry : entries) {
            manifest.put(entry);
            if (!entry.filename().contains("/")) {
                writeFile(folder.resolve(entry.filename()), (int) entry.fileSizeBytes(), entry.downloadTimestamp());
            }
        }
        store.save(folder, manifest);
        return folder;
    }

    private static void writeFile(Path file, int size, Instant modified) throws IOException {
        Files.write(file, new byte[size]);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    /** Every file of the folder with its size and content, in name order. */
    private static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.size(file) + ":" + Arrays.hashCode(Files.readAllBytes(file)));
            }
        }
        return files;
    }

    private static void awaitWaiter(ReentrantLock lock) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!lock.hasQueuedThreads()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the cleaner did not ask for the folder's lock within 10 s");
            }
            Thread.sleep(10);
        }
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }
}
