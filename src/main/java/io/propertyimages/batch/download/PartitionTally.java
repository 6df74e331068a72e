package io.propertyimages.batch.download;

import org.jberet.cdi.PartitionScoped;

/**
 * Counts what one partition did since its collector last reported; the processor, writer and skip listener of the
 * partition share it.
 */
@PartitionScoped
public class PartitionTally {
    private DownloadCounts counts = DownloadCounts.NONE;

    void cached() {
        counts = counts.plus(new DownloadCounts(0, 1, 0, 0));
    }

    void failed() {
        counts = counts.plus(new DownloadCounts(0, 0, 1, 0));
    }

    void downloaded(long bytes) {
        counts = counts.plus(new DownloadCounts(1, 0, 0, bytes));
    }

    DownloadCounts takeCounts() {
        DownloadCounts taken = counts;
        counts = DownloadCounts.NONE;
        return taken;
    }
}
