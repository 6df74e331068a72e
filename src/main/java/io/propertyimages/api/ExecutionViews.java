package io.propertyimages.api;

import java.net.URI;
import java.util.Set;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.propertyimages.batch.engine.JobExecutions;
import io.propertyimages.executions.ExecutionProgressStore;
import io.propertyimages.executions.ExecutionServers;

/** Executions as the API shows them: with their job instance, progress and the server that runs them. */
@ApplicationScoped
public class ExecutionViews {
    private static final Set<BatchStatus> ENDED = Set.of(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED,
            BatchStatus.ABANDONED);

    @Inject
    JobExecutions executions;

    @Inject
    ExecutionProgressStore progress;

    @Inject
    ExecutionServers servers;

    JobExecutionView of(JobExecution execution, URI href) {
        long instanceId = executions.instanceIdOf(execution);
        // Read once: the engine changes a running execution's status under us, and the progress is measured by it.
        BatchStatus status = execution.getBatchStatus();
        return JobExecutionView.of(execution, status, instanceId, href.toString(),
                progress.find(execution.getExecutionId(), ENDED.contains(status)).orElse(null),
                servers.serverOf(execution.getExecutionId()).orElse(null));
    }
}
