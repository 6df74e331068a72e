package io.propertyimages.batch.download;

import java.io.IOException;
import java.util.Set;

import jakarta.inject.Inject;

import io.propertyimages.store.FolderLocks;
import io.propertyimages.store.ImageManifest;
import io.propertyimages.store.LeftoverFiles;

import org.jberet.cdi.PartitionScoped;

/**
 * The manifest of the property a partition is working on, kept between items so it is read once per property,
 * not once per URL. Changes happen only under the folder's lock, on a fresh read of the file, so partitions that
 * share a folder (addresses that normalise alike) lose no update.
 */
@PartitionScoped
public class PropertyManifests {
    @Inject
    BatchServices services;

    private PropertyFolder currentFolder;
    private ImageManifest currentManifest;

    /** The folder's manifest as last read or written by this partition. */
    ImageManifest manifestOf(PropertyFolder folder) throws IOException {
        if (currentManifest == null || !folder.equals(currentFolder)) {
            currentManifest = services.manifests().load(folder.path(), folder.address());
            currentFolder = folder;
        }
        return currentManifest;
    }

    /**
     * Reads the folder's manifest afresh under its lock, lets {@code change} alter it, and saves it atomically. The
     * folder keeps only the images its manifest lists: what a killed server left is removed first, and the images
     * of a change that fails before its manifest is saved are removed again.
     */
    void update(PropertyFolder folder, ManifestChange change) throws IOException {
        try (FolderLocks.Held held = services.locks().lock(folder.path())) {
            ImageManifest manifest = services.manifests().load(folder.path(), folder.address());
            Set<String> listed = manifest.filenames();
            LeftoverFiles.remove(folder.path(), listed);
            try {
                change.apply(manifest);
                save(folder, manifest);
                services.propertyIndex().saved(folder.path(), manifest);
            } catch (IOException | RuntimeException e) {
                removeUnlisted(folder, listed, e);
                throw e;
            }
            currentFolder = folder;
            currentManifest = manifest;
        }
    }

    private void save(PropertyFolder folder, ImageManifest manifest) throws OutputWriteException {
        try {
            services.manifests().save(folder.path(), manifest);
        } catch (IOException e) {
            throw OutputWriteException.writing(folder.path().resolve(ImageManifest.FILE_NAME), e);
        }
    }

    private static void removeUnlisted(PropertyFolder folder, Set<String> listed, Exception failure) {
        try {
            LeftoverFiles.remove(folder.path(), listed);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @FunctionalInterface
    interface ManifestChange {
        void apply(ImageManifest manifest) throws IOException;
    }
}
