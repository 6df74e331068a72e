package io.propertyimages.batch.download;

import java.io.Serializable;
import java.util.List;

/** What a partition sends the step's analyzer after a chunk: its counts since the last report, and properties it finished. */
public record PartitionReport(DownloadCounts counts, List<PropertySummary> finishedProperties) implements Serializable {
}
