package io.propertyimages.batch.download;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import io.propertyimages.download.DownloadSettings;
import io.propertyimages.download.HostPolicy;
import io.propertyimages.download.ImageDownloader;
import io.propertyimages.imaging.JpegConverter;
import io.propertyimages.store.ManifestStore;
import io.propertyimages.store.PropertyFolderLocks;

/**
 * The long-lived, thread-safe services the download job's artifacts share: one HTTP client (so connections are
 * reused across partitions), the converter, the manifest store and the folder locks, set up from the server's
 * variables (server-config/server.xml). The cleanup job takes the same folder locks from here, so it never works
 * on a folder while a download writes into it.
 */
@ApplicationScoped
public class BatchServices {
    @Resource(lookup = "propertyimages/images.root")
    String imagesRootSetting;

    /** Liberty hands a jndiEntry that reads as a number over as an Integer or a Long, hence Object. */
    @Resource(lookup = "propertyimages/download.max.bytes")
    Object maxBodyBytesSetting;

    @Resource(lookup = "propertyimages/image.max.pixels")
    Object maxPixelsSetting;

    @Resource(lookup = "propertyimages/download.connect.timeout.seconds")
    Object connectTimeoutSetting;

    @Resource(lookup = "propertyimages/download.read.timeout.seconds")
    Object readTimeoutSetting;

    @Resource(lookup = "propertyimages/download.retry.backoff.millis")
    Object initialBackoffSetting;

    @Resource(lookup = "propertyimages/download.retry.after.max.seconds")
    Object maxRetryAfterSetting;

    @Resource(lookup = "propertyimages/download.allowed.hosts")
    Object allowedHostsSetting;

    private Path imagesRoot;
    private ImageDownloader downloader;
    private JpegConverter converter;
    private final Clock clock = Clock.systemUTC();
    private final ManifestStore manifests = new ManifestStore(clock);
    private final PropertyFolderLocks locks = new PropertyFolderLocks();

    @PostConstruct
    void start() {
        imagesRoot = Path.of(imagesRootSetting).toAbsolutePath().normalize();
        DownloadSettings settings = new DownloadSettings(Duration.ofSeconds(number(connectTimeoutSetting)),
                Duration.ofSeconds(number(readTimeoutSetting)), number(maxBodyBytesSetting),
                DownloadSettings.defaults().maxAttempts(), Duration.ofMillis(number(initialBackoffSetting)),
                Duration.ofSeconds(number(maxRetryAfterSetting)));
        downloader = new ImageDownloader(settings,
                HostPolicy.allowing(allowedHostsSetting == null ? "" : String.valueOf(allowedHostsSetting)));
        converter = new JpegConverter(number(maxPixelsSetting));
    }

    private static long number(Object setting) {
        return Long.parseLong(String.valueOf(setting).strip());
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

    public PropertyFolderLocks locks() {
        return locks;
    }

    public Clock clock() {
        return clock;
    }
}
