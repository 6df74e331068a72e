package io.propertyimages.batch.download;

import java.io.Serializable;

import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.propertyimages.executions.JobLog;

/**
 * Adds up the partitions' counts into the step's summary: its exit status reads
 * {@code downloaded=… cached=… failed=… bytes=…} and its persistent user data holds the {@link DownloadCounts}. Each
 * finished property's summary is logged as its partition's report comes in.
 */
@Named
@Dependent
public class DownloadSummaryAnalyzer extends AbstractPartitionAnalyzer {
    @Inject
    StepContext stepContext;

    @Inject
    JobContext jobContext;

    @Inject
    JobLog log;

    private DownloadCounts total = DownloadCounts.NONE;

    @Override
    public void analyzeCollectorData(Serializable data) throws Exception {
        PartitionReport report = (PartitionReport) data;
        total = total.plus(report.counts());
        stepContext.setPersistentUserData(total);
        stepContext.setExitStatus(total.toString());
        jobContext.setTransientUserData(total);
        for (PropertySummary property : report.finishedProperties()) {
            log.info(jobContext.getExecutionId(), property.toString());
        }
    }
}
