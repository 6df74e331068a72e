package io.propertyimages.batch.download;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.inject.Inject;

import io.propertyimages.store.ImageManifest;

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

    /** Reads the folder's manifest afresh under its lock, lets {@code change} alter it, and saves it atomically. */
    void update(PropertyFolder folder, ManifestChange change) throws IOException {
        ReentrantLock lock = services.locks().lockFor(folder.path());
        lock.lock();
        try {
            ImageManifest manifest = services.manifests().load(folder.path(), folder.address());
            change.apply(manifest);
            services.manifests().save(folder.path(), manifest);
            currentFolder = folder;
            currentManifest = manifest;
        } finally {
            lock.unlock();
        }
    }

    @FunctionalInterface
    interface ManifestChange {
        void apply(ImageManifest manifest) throws IOException;
    }
}
