package io.propertyimages.batch.download;

import java.io.Serializable;

import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.BatchStatus;
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

    /** A partition that stopped on a file it could not write gives the job its exit status: the file and the reason. */
    @Override
    public void analyzeStatus(BatchStatus batchStatus, String exitStatus) {
        if (batchStatus == BatchStatus.FAILED && exitStatus != null && exitStatus.startsWith(OutputFailures.EXIT_STATUS_PREFIX)
                && jobContext.getExitStatus() == null) {
            jobContext.setExitStatus(exitStatus);
        }
    }

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
