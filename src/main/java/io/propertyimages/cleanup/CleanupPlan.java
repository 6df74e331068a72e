package io.propertyimages.cleanup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.propertyimages.store.ImageManifest;
import io.propertyimages.store.ManifestEntry;

/**
 * What cleaning one property folder takes, decided from its manifest and contents alone: an image downloaded
 * before the cutoff goes with its entry; an entry whose file is gone is dropped; a file no entry names (an orphan,
 * such as a temp file a crash left) goes once it was last modified before the cutoff; the folder goes when nothing
 * would be left in it, neither a file nor an image or failure in its manifest. Each entry names a file of its own,
 * as {@link FolderCleaner} makes sure before it asks for a plan.
 */
public record CleanupPlan(List<ExpiredImage> expired, List<ManifestEntry> missing, List<StoredFile> orphans,
                          List<StoredFile> staleOrphans, boolean removesFolder) {

    /** An image to delete: its manifest entry and its file. */
    public record ExpiredImage(ManifestEntry entry, StoredFile file) {
    }

    public static CleanupPlan of(ImageManifest manifest, FolderContents contents, Instant cutoff) {
        Map<String, StoredFile> files = contents.files().stream()
                .collect(Collectors.toMap(StoredFile::name, Function.identity()));
        List<ExpiredImage> expired = new ArrayList<>();
        List<ManifestEntry> missing = new ArrayList<>();
        Set<String> named = new HashSet<>();
        Set<String> keptNames = new HashSet<>();
        for (ManifestEntry entry : manifest.getImages()) {
            named.add(entry.filename());
            StoredFile file = files.get(entry.filename());
            if (file == null) {
                missing.add(entry);
            } else if (isBefore(entry.downloadTimestamp(), cutoff)) {
                expired.add(new ExpiredImage(entry, file));
            } else {
                keptNames.add(entry.filename());
            }
        }
        List<StoredFile> orphans = contents.files().stream().filter(f -> !named.contains(f.name())).toList();
        List<StoredFile> staleOrphans = orphans.stream().filter(f -> isBefore(f.lastModified(), cutoff)).toList();
        boolean noImagesLeft = manifest.getImages().size() == expired.size() + missing.size();
        boolean noFilesLeft = keptNames.isEmpty() && orphans.size() == staleOrphans.size();
        boolean removesFolder = noImagesLeft && noFilesLeft && manifest.getFailures().isEmpty() && !contents.hasOtherEntries();
        return new CleanupPlan(List.copyOf(expired), List.copyOf(missing), orphans, staleOrphans, removesFolder);
    }

    /** Whether the manifest loses entries, and so must be rewritten. */
    public boolean changesManifest() {
        return !expired.isEmpty() || !missing.isEmpty();
    }

    private static boolean isBefore(Instant time, Instant cutoff) {
        return time != null && time.isBefore(cutoff);
    }
}
