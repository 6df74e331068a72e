package io.propertyimages.batch.download;

import java.io.Serializable;

import jakarta.batch.api.partition.PartitionCollector;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.propertyimages.executions.ExecutionProgressStore;

/**
 * After each chunk, and when the partition ends, adds what the partition did to its execution's progress and sends its
 * report to the step's analyzer. The progress is added to here, where the partition runs, and not by the analyzer:
 * JBeret reads the partitions' reports only once it has handed out every partition, and the server that runs the
 * analyzer may die.
 */
@Named
@Dependent
public class DownloadCountsCollector implements PartitionCollector {
    @Inject
    PartitionTally tally;

    @Inject
    JobContext jobContext;

    @Inject
    ExecutionProgressStore progress;

    @Override
    public Serializable collectPartitionData() throws Exception {
        PartitionReport report = tally.takeReport();
        DownloadCounts counts = report.counts();
        if (!counts.equals(DownloadCounts.NONE)) {
            progress.add(jobContext.getExecutionId(), counts.downloaded(), counts.cached(), counts.failed(), counts.bytesWritten());
        }
        return report;
    }
}
