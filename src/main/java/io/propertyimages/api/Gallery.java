package io.propertyimages.api;

import java.nio.file.Path;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.propertyimages.batch.download.BatchServices;
import io.propertyimages.imaging.ThumbnailRenderer;
import io.propertyimages.store.PropertyFolders;
import io.propertyimages.store.ThumbnailCache;

/** The gallery's readers, on the download job's images root and the server's {@code thumbnails.root}. */
@ApplicationScoped
public class Gallery {
    private static final Logger LOG = Logger.getLogger(Gallery.class.getName());

    @Inject
    @ConfigProperty(name = "thumbnails.root")
    String thumbnailsRootSetting;

    @Inject
    BatchServices services;

    private PropertyFolders folders;
    private ThumbnailCache thumbnails;

    @PostConstruct
    void start() {
        Path thumbnailsRoot = Path.of(thumbnailsRootSetting).toAbsolutePath().normalize();
        if (thumbnailsRoot.startsWith(services.imagesRoot())) {
            LOG.warning(() -> "thumbnails.root " + thumbnailsRoot + " is inside images.root " + services.imagesRoot()
                    + ": cleanup-images may take its thumbnails for orphans; give it a folder of its own");
        }
        folders = new PropertyFolders(services.imagesRoot(), services.manifests());
        thumbnails = new ThumbnailCache(thumbnailsRoot, new ThumbnailRenderer(ThumbnailRenderer.DEFAULT_MAX_EDGE));
    }

    public PropertyFolders folders() {
        return folders;
    }

    public ThumbnailCache thumbnails() {
        return thumbnails;
    }
}
