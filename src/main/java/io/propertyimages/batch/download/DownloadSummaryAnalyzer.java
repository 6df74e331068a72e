package io.propertyimages.batch.download;

import java.io.Serializable;

import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Adds up the partitions' counts into the step's summary: its exit status reads
 * {@code downloaded=… cached=… failed=… bytes=…} and its persistent user data holds the {@link DownloadCounts}.
 */
@Named
@Dependent
public class DownloadSummaryAnalyzer extends AbstractPartitionAnalyzer {
    @Inject
    StepContext stepContext;

    @Inject
    JobContext jobContext;

    private DownloadCounts total = DownloadCounts.NONE;

    @Override
    public void analyzeCollectorData(Serializable data) {
        total = total.plus((DownloadCounts) data);
        stepContext.setPersistentUserData(total);
        stepContext.setExitStatus(total.toString());
        jobContext.setTransientUserData(total);
    }
}
