package io.propertyimages.batch.cleanup;

import java.util.List;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.propertyimages.cleanup.CleanupCounts;
import io.propertyimages.cleanup.FolderReport;
import io.propertyimages.executions.JobLog;

/**
 * Logs each folder's report in the execution's log and adds it to the step's {@link CleanupCounts}, its persistent user data: the
 * repository commits them with the reader's checkpoint, so a restart neither loses nor repeats a folder's count.
 */
@Named
@Dependent
public class CleanupReportWriter extends AbstractItemWriter {
    @Inject
    StepContext stepContext;

    @Inject
    JobContext jobContext;

    @Inject
    JobLog log;

    @Inject
    @BatchProperty
    boolean dryRun;

    @Override
    public void writeItems(List<Object> items) {
        CleanupCounts counts = CleanupSummaryListener.countsOf(stepContext);
        for (Object item : items) {
            FolderReport report = (FolderReport) item;
            if (report.corrupt() != null || !report.problems().isEmpty()) {
                log.warning(jobContext.getExecutionId(), report.describe(dryRun));
            } else if (!report.isEmpty()) {
                log.info(jobContext.getExecutionId(), report.describe(dryRun));
            }
            counts = counts.plus(report);
        }
        stepContext.setPersistentUserData(counts);
    }
}
