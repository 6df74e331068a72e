package io.propertyimages.batch.download;

import java.util.logging.Logger;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Partial success is success: a job whose every URL was tried ends COMPLETED, and its exit status says
 * {@value #COMPLETED_WITH_FAILURES} when some of them failed.
 */
@Named
@Dependent
public class DownloadJobListener extends AbstractJobListener {
    static final String COMPLETED_WITH_FAILURES = "COMPLETED_WITH_FAILURES";
    private static final Logger LOG = Logger.getLogger(DownloadJobListener.class.getName());

    @Inject
    JobContext jobContext;

    @Override
    public void afterJob() {
        DownloadCounts counts = jobContext.getTransientUserData() instanceof DownloadCounts c ? c : DownloadCounts.NONE;
        BatchStatus status = jobContext.getBatchStatus();
        boolean completing = status == BatchStatus.STARTED || status == BatchStatus.COMPLETED;
        if (completing && counts.failed() > 0) {
            jobContext.setExitStatus(COMPLETED_WITH_FAILURES);
        }
        LOG.info(() -> "Job " + jobContext.getJobName() + " execution " + jobContext.getExecutionId() + " ends: " + counts);
    }
}
