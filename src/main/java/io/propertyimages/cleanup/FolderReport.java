package io.propertyimages.cleanup;

import java.util.ArrayList;
import java.util.List;

import io.propertyimages.store.AtomicFiles;
import io.propertyimages.store.ManifestEntry;

/**
 * What the cleanup did to one property folder, or in a dry run would do: images deleted, entries dropped for
 * missing files, orphan files found and those of them deleted, bytes reclaimed, whether the folder was removed.
 * A folder with a corrupt manifest is only reported; {@code problems} lists deletions that failed.
 */
public record FolderReport(String folder, List<String> deleted, List<String> missing, List<String> orphans,
                           List<String> orphansDeleted, long bytes, boolean folderRemoved, String corrupt,
                           List<String> problems) {

    public static FolderReport untouched(String folder) {
        return new FolderReport(folder, List.of(), List.of(), List.of(), List.of(), 0, false, null, List.of());
    }

    public static FolderReport corrupt(String folder, String reason) {
        return new FolderReport(folder, List.of(), List.of(), List.of(), List.of(), 0, false, reason, List.of());
    }

    public static FolderReport failed(String folder, String problem) {
        return new FolderReport(folder, List.of(), List.of(), List.of(), List.of(), 0, false, null, List.of(problem));
    }

    /** What applying {@code plan} does when every deletion succeeds: the report of a dry run. */
    public static FolderReport preview(String folder, CleanupPlan plan) {
        List<StoredFile> deleted = new ArrayList<>(plan.expired().stream().map(CleanupPlan.ExpiredImage::file).toList());
        deleted.addAll(plan.staleOrphans());
        return new FolderReport(folder,
                plan.expired().stream().map(image -> image.file().name()).toList(),
                plan.missing().stream().map(ManifestEntry::filename).toList(),
                plan.orphans().stream().map(StoredFile::name).toList(),
                plan.staleOrphans().stream().map(StoredFile::name).toList(),
                deleted.stream().mapToLong(StoredFile::sizeBytes).sum(),
                plan.removesFolder(), null, List.of());
    }

    /** Whether there is nothing to tell: the folder was left as it was and nothing in it is amiss. */
    public boolean isEmpty() {
        return deleted.isEmpty() && missing.isEmpty() && orphans.isEmpty() && !folderRemoved && corrupt == null
                && problems.isEmpty();
    }

    /** One log line: {@code 1-main-st: deleted img_001.jpg; dropped missing img_002.jpg; …}. */
    public String describe(boolean dryRun) {
        if (corrupt != null) {
            return folder + ": left alone, " + corrupt;
        }
        List<String> parts = new ArrayList<>();
        if (!deleted.isEmpty()) {
            parts.add((dryRun ? "would delete " : "deleted ") + String.join(", ", deleted));
        }
        if (!missing.isEmpty()) {
            parts.add((dryRun ? "would drop the entries of missing " : "dropped the entries of missing ") + String.join(", ", missing));
        }
        if (!orphans.isEmpty()) {
            parts.add("orphans " + String.join(", ", orphans.stream().map(this::describeOrphan).toList()));
        }
        if (bytes > 0) {
            parts.add(bytes + (dryRun ? " bytes to reclaim" : " bytes reclaimed"));
        }
        if (folderRemoved) {
            parts.add(dryRun ? "folder would be removed" : "folder removed");
        }
        if (!problems.isEmpty()) {
            parts.add("failed: " + String.join("; ", problems));
        }
        return folder + ": " + String.join("; ", parts);
    }

    private String describeOrphan(String name) {
        String kind = name.startsWith(AtomicFiles.TEMP_PREFIX) ? " (temp file, " : " (";
        return name + kind + (orphansDeleted.contains(name) ? "older than the cutoff)" : "kept, newer than the cutoff)");
    }
}
