package io.propertyimages.batch.download;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.propertyimages.catalog.PropertyCatalog;
import io.propertyimages.cluster.Cluster;
import io.propertyimages.download.DownloadSettings;
import io.propertyimages.download.HostPolicy;
import io.propertyimages.download.ImageDownloader;
import io.propertyimages.imaging.JpegConverter;
import io.propertyimages.store.ManifestStore;
import io.propertyimages.store.PropertyIndex;
import io.propertyimages.store.FolderLocks;

/**
 * The long-lived, thread-safe services the download job's artifacts share: one HTTP client (so connections are
 * reused across partitions), the converter, the manifest store and the folder locks, set up from the server's
 * variables (server-config/server.xml) through MicroProfile Config. The cleanup job takes the same folder locks from
 * here, so it never works on a folder while a download writes into it, on this server or another.
 */
@ApplicationScoped
public class BatchServices {
    @Inject
    Cluster cluster;

    @Inject
    PropertyCatalog catalog;

    @Inject
    @ConfigProperty(name = "images.root")
    String imagesRootSetting;

    @Inject
    @ConfigProperty(name = "download.max.bytes")
    long maxBodyBytes;

    @Inject
    @ConfigProperty(name = "image.max.pixels")
    long maxPixels;

    @Inject
    @ConfigProperty(name = "download.connect.timeout.seconds")
    long connectTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "download.read.timeout.seconds")
    long readTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "download.retry.backoff.millis")
    long initialBackoffMillis;

    @Inject
    @ConfigProperty(name = "download.retry.after.max.seconds")
    long maxRetryAfterSeconds;

    /** Empty (the default) reads as absent in MicroProfile Config. */
    @Inject
    @ConfigProperty(name = "download.allowed.hosts")
    Optional<String> allowedHosts;

    private Path imagesRoot;
    private ImageDownloader downloader;
    private JpegConverter converter;
    private final Clock clock = Clock.systemUTC();
    private final ManifestStore manifests = new ManifestStore(clock);

    @PostConstruct
    void start() {
        imagesRoot = Path.of(imagesRootSetting).toAbsolutePath().normalize();
        DownloadSettings settings = new DownloadSettings(Duration.ofSeconds(connectTimeoutSeconds),
                Duration.ofSeconds(readTimeoutSeconds), maxBodyBytes, DownloadSettings.defaults().maxAttempts(),
                Duration.ofMillis(initialBackoffMillis), Duration.ofSeconds(maxRetryAfterSeconds));
        downloader = new ImageDownloader(settings, HostPolicy.allowing(allowedHosts.orElse("")));
        converter = new JpegConverter(maxPixels);
    }

    @PreDestroy
    void stop() {
        downloader.close();
    }

    /** The folder that holds the property folders ({@code images.root} in the server configuration). */
    public Path imagesRoot() {
        return imagesRoot;
    }

    public ImageDownloader downloader() {
        return downloader;
    }

    public JpegConverter converter() {
        return converter;
    }

    public ManifestStore manifests() {
        return manifests;
    }

    public FolderLocks locks() {
        return cluster.folderLocks();
    }

    /** What the gallery lists, told of every manifest saved and folder removed. */
    public PropertyIndex propertyIndex() {
        return catalog;
    }

    public Clock clock() {
        return clock;
    }
}
