package io.propertyimages.batch.download;

import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import io.propertyimages.executions.JobLog;

/**
 * Says why a partition stops on a file it cannot write, where operators look: the execution's own log, and the
 * partition's exit status, which {@link DownloadSummaryAnalyzer} makes the job's.
 */
@Dependent
public class OutputFailures {
    /** How the exit status of a partition, and then of the job, that stopped on an unwritable file begins. */
    static final String EXIT_STATUS_PREFIX = "FAILED: ";

    @Inject
    JobContext jobContext;

    @Inject
    StepContext stepContext;

    @Inject
    JobLog log;

    /** Logs and records {@code failure}; the caller then throws it, which fails the partition. */
    void stopping(OutputWriteException failure) {
        log.warning(jobContext.getExecutionId(), "Stopping: " + failure.getMessage()
                + "; restart the execution once that is mended");
        stepContext.setExitStatus(EXIT_STATUS_PREFIX + failure.getMessage());
    }
}
