package io.propertyimages.batch.download;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.propertyimages.download.DownloadFailedException;
import io.propertyimages.download.DownloadedImage;
import io.propertyimages.imaging.ImageConversionException;
import io.propertyimages.imaging.ImageFormat;
import io.propertyimages.imaging.JpegImage;
import io.propertyimages.input.UrlItem;
import io.propertyimages.monitoring.ImageMetrics;
import io.propertyimages.store.ContentHash;
import io.propertyimages.store.CorruptManifestException;
import io.propertyimages.store.ManifestEntry;
import io.propertyimages.store.OutputDirectories;

/**
 * Turns a URL into a JPEG ready to save: skipped (returns {@code null}, counted as cached) when the property's
 * manifest already has the URL with its file intact; otherwise downloaded with retries and converted. A URL that
 * cannot be saved throws {@link ImageFailedException}, which the job skips. While an image other than a JPEG is
 * converted, the partition's next URL is downloaded ({@link DownloadAhead}). Most JPEGs are kept as they are, in
 * about a millisecond, which leaves little to overlap, and handing the next download to another thread costs CPU: 30,000
 * tiny JPEGs took 0.1 ms more of server CPU each when every URL was downloaded ahead.
 */
@Named
@Dependent
public class ImageDownloadProcessor implements ItemProcessor {
    private static final Logger LOG = Logger.getLogger(ImageDownloadProcessor.class.getName());

    @Inject
    BatchServices services;

    @Inject
    @BatchProperty
    String outputDir;

    @Inject
    PropertyManifests manifests;

    @Inject
    PartitionTally tally;

    @Inject
    ImageMetrics metrics;

    @Inject
    DownloadAhead ahead;

    private Path outputPath;

    @Override
    public Object processItem(Object item) throws Exception {
        UrlItem url = (UrlItem) item;
        PropertyFolder folder = PropertyFolder.of(outputPath(), url.address());
        if (isCached(folder, url)) {
            tally.cached(url);
            LOG.fine(() -> "Cached: " + url.url());
            return null;
        }
        URI uri = httpUri(url, folder);
        DownloadedImage download;
        try {
            download = ahead.take(url, () -> download(uri));
        } catch (DownloadFailedException e) {
            throw new ImageFailedException(url, folder, e.reason(), e.attempts());
        }
        if (ImageFormat.detect(download.body()) != ImageFormat.JPEG) {
            downloadNext();
        }
        JpegImage jpeg;
        long started = System.nanoTime();
        try {
            jpeg = services.converter().toJpeg(download.body());
        } catch (ImageConversionException e) {
            throw new ImageFailedException(url, folder, e.getMessage(), download.attempts());
        } finally {
            metrics.conversionTook(Duration.ofNanos(System.nanoTime() - started));
        }
        return new ImageToSave(url, folder, jpeg, ContentHash.md5(jpeg.bytes()), services.clock().instant(),
                download.etag(), download.lastModified());
    }

    private DownloadedImage download(URI uri) throws DownloadFailedException, InterruptedException {
        long started = System.nanoTime();
        try {
            return services.downloader().download(uri);
        } finally {
            metrics.downloadTook(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * Starts downloading the partition's next URL, unless its property's manifest lists it already (it is cached, or
     * its file is checked in its turn) or it is not an http(s) URL: a URL that is not downloaded ahead gets the
     * usual checks, and its download, in its turn.
     */
    private void downloadNext() {
        UrlItem next = ahead.upcoming();
        if (next == null) {
            return;
        }
        PropertyFolder folder = PropertyFolder.of(outputPath(), next.address());
        try {
            if (manifests.manifestOf(folder).entryFor(next.url()).isEmpty()) {
                URI uri = httpUri(next, folder);
                ahead.start(next, () -> download(uri));
            }
        } catch (IOException | ImageFailedException e) {
            LOG.fine(() -> "Not downloaded ahead, checked in its turn: " + next.url() + ": " + e.getMessage());
        }
    }

    private Path outputPath() {
        if (outputPath == null) {
            outputPath = OutputDirectories.resolve(services.imagesRoot(), outputDir);
        }
        return outputPath;
    }

    private boolean isCached(PropertyFolder folder, UrlItem url) throws IOException, ImageFailedException {
        Optional<ManifestEntry> entry;
        try {
            entry = manifests.manifestOf(folder).entryFor(url.url());
        } catch (CorruptManifestException e) {
            throw new ImageFailedException(url, folder, e.getMessage() + "; the folder is left as it is", 0);
        }
        if (entry.isEmpty()) {
            return false;
        }
        Path file = folder.path().resolve(entry.get().filename());
        return Files.isRegularFile(file)
                && Files.size(file) == entry.get().fileSizeBytes()
                && ContentHash.md5(file).equals(entry.get().contentHash());
    }

    private static URI httpUri(UrlItem url, PropertyFolder folder) throws ImageFailedException {
        try {
            URI uri = new URI(url.url());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            throw new ImageFailedException(url, folder, "not a valid URL: " + e.getReason(), 0);
        }
        throw new ImageFailedException(url, folder, "not an http(s) URL", 0);
    }
}
