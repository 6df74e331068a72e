package io.propertyimages.batch.download;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jberet.cdi.PartitionScoped;

import io.propertyimages.input.UrlItem;
import io.propertyimages.monitoring.ImageMetrics;

/**
 * Counts what one partition did since its collector last reported, in all and per property, and adds it to the
 * application's metrics; the reader, processor, writer and skip listener of the partition share it. A property is
 * finished once the reader has gone past its last URL and the chunk that held it is written.
 */
@PartitionScoped
public class PartitionTally {
    @Inject
    ImageMetrics metrics;

    private DownloadCounts counts = DownloadCounts.NONE;
    private final Map<Integer, PropertySummary> properties = new LinkedHashMap<>();
    private int readingProperty = -1;
    private boolean allRead;

    void reading(UrlItem item) {
        readingProperty = item.propertyIndex();
    }

    void readAll() {
        allRead = true;
    }

    void cached(UrlItem item) {
        add(item, new DownloadCounts(0, 1, 0, 0));
        metrics.cached();
    }

    void failed(UrlItem item) {
        add(item, new DownloadCounts(0, 0, 1, 0));
        metrics.failed();
    }

    void downloaded(UrlItem item, long bytes) {
        add(item, new DownloadCounts(1, 0, 0, bytes));
        metrics.downloaded(bytes);
    }

    /** What was done since the last report, with the properties finished since; called after each written chunk. */
    PartitionReport takeReport() {
        List<PropertySummary> finished = new ArrayList<>();
        properties.entrySet().removeIf(property -> {
            boolean done = allRead || property.getKey() != readingProperty;
            if (done) {
                finished.add(property.getValue());
            }
            return done;
        });
        PartitionReport report = new PartitionReport(counts, finished);
        counts = DownloadCounts.NONE;
        return report;
    }

    private void add(UrlItem item, DownloadCounts more) {
        counts = counts.plus(more);
        properties.merge(item.propertyIndex(), new PropertySummary(item.address(), more),
                (summary, added) -> new PropertySummary(summary.address(), summary.counts().plus(more)));
    }
}
