package io.propertyimages.batch.download;

import jakarta.inject.Inject;

import org.jberet.cdi.PartitionScoped;

import io.propertyimages.monitoring.ImageMetrics;

/**
 * Counts what one partition did since its collector last reported, and adds it to the application's metrics; the
 * processor, writer and skip listener of the partition share it.
 */
@PartitionScoped
public class PartitionTally {
    @Inject
    ImageMetrics metrics;

    private DownloadCounts counts = DownloadCounts.NONE;

    void cached() {
        counts = counts.plus(new DownloadCounts(0, 1, 0, 0));
        metrics.cached();
    }

    void failed() {
        counts = counts.plus(new DownloadCounts(0, 0, 1, 0));
        metrics.failed();
    }

    void downloaded(long bytes) {
        counts = counts.plus(new DownloadCounts(1, 0, 0, bytes));
        metrics.downloaded(bytes);
    }

    DownloadCounts takeCounts() {
        DownloadCounts taken = counts;
        counts = DownloadCounts.NONE;
        return taken;
    }
}
