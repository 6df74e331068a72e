package io.propertyimages.store;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One property folder at a glance: its path under the images root ({@code /}-separated, e.g.
 * {@code phoenix/123-main-st-phoenix-az-85001}), its address, how many images and bytes it holds, when its newest
 * image was downloaded (null when it has none) and how many of its URLs failed.
 */
@JsonbPropertyOrder({"folder", "address", "images", "bytes", "lastDownload", "failures"})
public record PropertySummary(String folder, String address, int images, long bytes, Instant lastDownload, int failures) {

    public static PropertySummary of(String folder, ImageManifest manifest) {
        Instant lastDownload = manifest.getImages().stream()
                .map(ManifestEntry::downloadTimestamp)
                .filter(t -> t != null)
                .max(Instant::compareTo)
                .orElse(null);
        long bytes = manifest.getImages().stream().mapToLong(ManifestEntry::fileSizeBytes).sum();
        return new PropertySummary(folder, manifest.getPropertyAddress(), manifest.getImages().size(), bytes, lastDownload,
                manifest.getFailures().size());
    }
}
