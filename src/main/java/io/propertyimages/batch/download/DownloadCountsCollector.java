package io.propertyimages.batch.download;

import java.io.Serializable;

import jakarta.batch.api.partition.PartitionCollector;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** After each chunk, and when the partition ends, sends the partition's report to the step's analyzer. */
@Named
@Dependent
public class DownloadCountsCollector implements PartitionCollector {
    @Inject
    PartitionTally tally;

    @Override
    public Serializable collectPartitionData() {
        return tally.takeReport();
    }
}
