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
 * cannot be saved throws {@link ImageFailedException}, which the job skips.
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
        long started = System.nanoTime();
        try {
            download = services.downloader().download(uri);
        } catch (DownloadFailedException e) {
            throw new ImageFailedException(url, folder, e.reason(), e.attempts());
        } finally {
            metrics.downloadTook(Duration.ofNanos(System.nanoTime() - started));
        }
        JpegImage jpeg;
        started = System.nanoTime();
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
