package io.propertyimages.batch.download;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.propertyimages.executions.JobLog;

/**
 * Partial success is success: a job whose every URL was tried ends COMPLETED, and its exit status says
 * {@value #COMPLETED_WITH_FAILURES} when some of them failed. The execution's log says when it started and how it ended.
 */
@Named
@Dependent
public class DownloadJobListener extends AbstractJobListener {
    static final String COMPLETED_WITH_FAILURES = "COMPLETED_WITH_FAILURES";

    @Inject
    JobContext jobContext;

    @Inject
    JobLog log;

    @Override
    public void beforeJob() {
        log.started(jobContext);
    }

    @Override
    public void afterJob() {
        DownloadCounts counts = jobContext.getTransientUserData() instanceof DownloadCounts c ? c : DownloadCounts.NONE;
        BatchStatus status = jobContext.getBatchStatus();
        boolean completing = status == BatchStatus.STARTED || status == BatchStatus.COMPLETED;
        if (completing && counts.failed() > 0) {
            jobContext.setExitStatus(COMPLETED_WITH_FAILURES);
        }
        log.ended(jobContext, counts.toString());
    }
}
