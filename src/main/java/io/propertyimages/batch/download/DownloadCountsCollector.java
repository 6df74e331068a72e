package io.propertyimages.batch.download;

import java.io.Serializable;

import jakarta.batch.api.partition.PartitionCollector;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** After each chunk, sends the partition's counts to the step's analyzer. */
@Named
@Dependent
public class DownloadCountsCollector implements PartitionCollector {
    @Inject
    PartitionTally tally;

    @Override
    public Serializable collectPartitionData() {
        return tally.takeCounts();
    }
}
