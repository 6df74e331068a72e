package io.propertyimages.batch.cleanup;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.propertyimages.cleanup.CleanupCounts;
import io.propertyimages.executions.JobLog;

/**
 * Puts the cleanup's totals, {@code deleted=… bytes=… folders=… orphans=…}, in the step's exit status, in the
 * job's once it completes, and in the log; a dry run's summary starts with {@value #DRY_RUN}.
 */
@Named
@Dependent
public class CleanupSummaryListener extends AbstractStepListener {
    static final String DRY_RUN = "dryRun ";

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
    public void afterStep() {
        String summary = (dryRun ? DRY_RUN : "") + countsOf(stepContext);
        stepContext.setExitStatus(summary);
        BatchStatus status = stepContext.getBatchStatus();
        if (status == BatchStatus.STARTED || status == BatchStatus.COMPLETED) {
            jobContext.setExitStatus(summary);
        }
        log.info(jobContext.getExecutionId(), "Summary: " + summary);
    }

    /** The totals so far, carried over from the stopped or failed execution on a restart. */
    static CleanupCounts countsOf(StepContext stepContext) {
        return stepContext.getPersistentUserData() instanceof CleanupCounts counts ? counts : CleanupCounts.NONE;
    }
}
