package io.propertyimages.batch.cleanup;

import java.util.List;
import java.util.logging.Logger;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.propertyimages.cleanup.CleanupCounts;
import io.propertyimages.cleanup.FolderReport;

/**
 * Logs each folder's report and adds it to the step's {@link CleanupCounts}, its persistent user data: the
 * repository commits them with the reader's checkpoint, so a restart neither loses nor repeats a folder's count.
 */
@Named
@Dependent
public class CleanupReportWriter extends AbstractItemWriter {
    private static final Logger LOG = Logger.getLogger(CleanupReportWriter.class.getName());

    @Inject
    StepContext stepContext;

    @Inject
    @BatchProperty
    boolean dryRun;

    @Override
    public void writeItems(List<Object> items) {
        CleanupCounts counts = CleanupSummaryListener.countsOf(stepContext);
        for (Object item : items) {
            FolderReport report = (FolderReport) item;
            if (report.corrupt() != null || !report.problems().isEmpty()) {
                LOG.warning(() -> report.describe(dryRun));
            } else if (!report.isEmpty()) {
                LOG.info(() -> report.describe(dryRun));
            }
            counts = counts.plus(report);
        }
        stepContext.setPersistentUserData(counts);
    }
}
