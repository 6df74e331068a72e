package io.propertyimages.cleanup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.propertyimages.store.CorruptManifestException;
import io.propertyimages.store.ImageManifest;
import io.propertyimages.store.ManifestEntry;
import io.propertyimages.store.ManifestStore;
import io.propertyimages.store.PropertyIndex;
import io.propertyimages.store.FolderLocks;

/**
 * Cleans one property folder by its {@link CleanupPlan}, or in a dry run only reports it. It holds the folder's
 * lock throughout, the one the download job holds while it writes an image and its manifest entry, so it never
 * sees a half-written image and never loses a manifest update, on this server or another one on the same
 * repository.
 */
public final class FolderCleaner {
    private final ManifestStore manifests;
    private final FolderLocks locks;
    private final PropertyIndex index;

    public FolderCleaner(ManifestStore manifests, FolderLocks locks, PropertyIndex index) {
        this.manifests = manifests;
        this.locks = locks;
        this.index = index;
    }

    /**
     * Cleans {@code folder} of what is older than {@code cutoff}; changes nothing when {@code dryRun}. A folder that
     * cannot be read or whose manifest cannot be saved is reported as failed, with nothing deleted.
     */
    public FolderReport clean(Path folder, Instant cutoff, boolean dryRun) {
        String name = folder.getFileName().toString();
        try (FolderLocks.Held held = locks.lock(folder)) {
            return cleanLocked(folder, name, cutoff, dryRun);
        } catch (NoSuchFileException gone) {
            return FolderReport.untouched(name);
        } catch (IOException e) {
            return FolderReport.failed(name, e.toString());
        }
    }

    private FolderReport cleanLocked(Path folder, String name, Instant cutoff, boolean dryRun) throws IOException {
        FolderContents contents = FolderContents.read(folder);
        if (!contents.hasManifest() && contents.hasOtherEntries()) {
            // Not a property folder but a folder of them, such as another job's outputDir: clean that on its own.
            return FolderReport.untouched(name);
        }
        ImageManifest manifest;
        try {
            manifest = manifests.load(folder, null);
            requireTrustworthy(folder, manifest);
        } catch (CorruptManifestException e) {
            return FolderReport.corrupt(name, e.getMessage());
        }
        CleanupPlan plan = CleanupPlan.of(manifest, contents, cutoff);
        FolderReport preview = FolderReport.preview(name, plan);
        return dryRun ? preview : apply(folder, manifest, plan, preview);
    }

    /**
     * The manifest loses its entries first, then the files go: a reader of the manifest never finds an entry
     * without its file, and a crash in between leaves orphans that the next cleanup removes.
     */
    private FolderReport apply(Path folder, ImageManifest manifest, CleanupPlan plan, FolderReport preview) throws IOException {
        if (plan.changesManifest()) {
            manifest.getImages().removeAll(plan.missing());
            manifest.getImages().removeAll(plan.expired().stream().map(CleanupPlan.ExpiredImage::entry).toList());
            manifests.save(folder, manifest);
            index.saved(folder, manifest);
        }
        List<String> problems = new ArrayList<>();
        List<StoredFile> toDelete = new ArrayList<>(plan.expired().stream().map(CleanupPlan.ExpiredImage::file).toList());
        toDelete.addAll(plan.staleOrphans());
        List<String> notDeleted = new ArrayList<>();
        long bytes = 0;
        for (StoredFile file : toDelete) {
            try {
                Files.deleteIfExists(folder.resolve(file.name()));
                bytes += file.sizeBytes();
            } catch (IOException e) {
                notDeleted.add(file.name());
                problems.add("cannot delete " + file.name() + ": " + e);
            }
        }
        boolean removed = plan.removesFolder() && problems.isEmpty() && removeFolder(folder, problems);
        if (removed) {
            index.removed(folder);
        }
        return new FolderReport(preview.folder(),
                preview.deleted().stream().filter(f -> !notDeleted.contains(f)).toList(),
                preview.missing(), preview.orphans(),
                preview.orphansDeleted().stream().filter(f -> !notDeleted.contains(f)).toList(),
                bytes, removed, null, List.copyOf(problems));
    }

    private static boolean removeFolder(Path folder, List<String> problems) {
        try {
            Files.deleteIfExists(folder.resolve(ImageManifest.FILE_NAME));
            Files.delete(folder);
            return true;
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            problems.add("cannot remove the folder: " + e);
            return false;
        }
    }

    /**
     * A manifest is not trusted with deletions when an entry is empty, names anything but a file of its own folder,
     * or names a file another entry names too (whose image would it be?).
     */
    private static void requireTrustworthy(Path folder, ImageManifest manifest) throws CorruptManifestException {
        Path file = folder.resolve(ImageManifest.FILE_NAME);
        Set<String> filenames = new HashSet<>();
        for (ManifestEntry entry : manifest.getImages()) {
            if (entry == null) {
                throw new CorruptManifestException(file, "an image entry is null");
            }
            String filename = entry.filename();
            if (filename == null || filename.isEmpty() || filename.contains("/") || filename.contains("\\")
                    || filename.equals(".") || filename.equals("..") || filename.equals(ImageManifest.FILE_NAME)) {
                throw new CorruptManifestException(file, "an image entry names \"" + filename + "\", not a file of its folder");
            }
            if (!filenames.add(filename)) {
                throw new CorruptManifestException(file, "two image entries name " + filename);
            }
        }
    }
}
