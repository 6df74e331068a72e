package io.propertyimages.monitoring;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

/**
 * What the download jobs did, as application metrics at {@code /metrics}: images downloaded, found cached and failed,
 * bytes written, and how long downloads and conversions take. The batch artifacts report each event here.
 */
@ApplicationScoped
public class ImageMetrics {
    @Inject
    MetricRegistry registry;

    private Counter downloaded;
    private Counter cached;
    private Counter failed;
    private Counter bytes;
    private Timer downloadLatency;
    private Timer conversionTime;

    /** Registered when the application starts, so {@code /metrics} lists them, at 0, before the first job. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        downloaded = registry.counter(metadata("images.downloaded", "Images downloaded, converted and saved", MetricUnits.NONE));
        cached = registry.counter(metadata("images.cached", "Images skipped because their file was already saved intact", MetricUnits.NONE));
        failed = registry.counter(metadata("images.failed", "Image URLs that could not be saved (after retries)", MetricUnits.NONE));
        bytes = registry.counter(metadata("images.bytes", "Bytes of the JPEG files saved", MetricUnits.BYTES));
        downloadLatency = registry.timer(metadata("images.download.latency",
                "Time to download one image, retries and their waits included", MetricUnits.SECONDS));
        conversionTime = registry.timer(metadata("images.conversion.time", "Time to convert one image to JPEG", MetricUnits.SECONDS));
    }

    public void downloaded(long jpegBytes) {
        downloaded.inc();
        bytes.inc(jpegBytes);
    }

    public void cached() {
        cached.inc();
    }

    public void failed() {
        failed.inc();
    }

    public void downloadTook(Duration duration) {
        downloadLatency.update(duration);
    }

    public void conversionTook(Duration duration) {
        conversionTime.update(duration);
    }

    private static Metadata metadata(String name, String description, String unit) {
        return Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
    }
}
