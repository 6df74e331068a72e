package io.propertyimages.batch.cleanup;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.propertyimages.executions.JobLog;

/** Logs in the execution's log when the cleanup started (or restarted) and how it ended. */
@Named
@Dependent
public class CleanupJobListener extends AbstractJobListener {
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
        log.ended(jobContext);
    }
}
