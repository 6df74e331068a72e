package io.propertyimages.batch.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.batch.runtime.BatchStatus;

import org.jberet.creation.ArtifactFactoryWrapper;
import org.jberet.job.model.Chunk;
import org.jberet.job.model.Step;
import org.jberet.runtime.JobExecutionImpl;
import org.jberet.runtime.PartitionExecutionImpl;
import org.jberet.runtime.StepExecutionImpl;
import org.jberet.runtime.context.AbstractContext;
import org.jberet.runtime.context.JobContextImpl;
import org.jberet.runtime.context.StepContextImpl;
import org.jberet.runtime.runner.BatchletRunner;
import org.jberet.runtime.runner.ChunkRunner;
import org.jberet.spi.PartitionInfo;

import io.propertyimages.cluster.LeaseKey;
import io.propertyimages.executions.PartitionRun;

/**
 * Runs attempts of partitions on this server, for a coordinator on this server or another. An attempt runs only under
 * the partition's lease, which no two servers hold at once (so a partition never runs twice at once, even across
 * executions of its job instance), and only once the job repository says it is this server's; it resumes from the
 * partition's last checkpoint in the repository, whoever wrote it.
 */
final class PartitionAttempts {
    private static final Logger LOG = Logger.getLogger(PartitionAttempts.class.getName());
    private static final Duration LEASE_POLL = Duration.ofMillis(500);

    private final PartitionServices services;
    /** The job execution each lease held here is for, so that the partition stops should the lease be lost. */
    private final Map<LeaseKey, JobExecutionImpl> running = new ConcurrentHashMap<>();

    PartitionAttempts(PartitionServices services) {
        this.services = services;
        services.leases().onLost(lease -> {
            JobExecutionImpl execution = running.get(lease);
            if (execution != null) {
                execution.stop();
            }
        });
    }

    static LeaseKey leaseOf(JobExecutionImpl jobExecution, String stepName, int partition) {
        return LeaseKey.partition(jobExecution.getJobInstance().getInstanceId(), stepName, partition);
    }

    /**
     * Takes up the attempt of a partition that came in a message, if it is still the current one and still queued, and
     * runs it; a stale attempt is dropped.
     */
    void runFromQueue(PartitionInfo partition, int attempt, PartitionResults results) {
        PartitionExecutionImpl execution = partition.getPartitionExecution();
        long stepExecutionId = execution.getStepExecutionId();
        int number = execution.getPartitionId();
        BooleanSupplier current = () -> services.partitionRuns().find(stepExecutionId, number)
                .map(run -> run.attempt() == attempt && run.state() == PartitionRun.State.QUEUED)
                .orElse(false);
        LeaseKey lease = leaseOf(partition.getJobExecution(), partition.getStep().getId(), number);
        if (!awaitLease(lease, current)) {
            LOG.fine(() -> "Dropped attempt " + attempt + " of partition " + number + " of step execution " + stepExecutionId
                    + ": it is not the current one");
            return;
        }
        try {
            if (!services.partitionRuns().claim(stepExecutionId, number, attempt, services.serverId())) {
                return;
            }
            JobContextImpl jobContext = new JobContextImpl(partition.getJobExecution(), null,
                    new ArtifactFactoryWrapper(services.environment().getArtifactFactory()), services.repository(),
                    services.environment());
            StepContextImpl stepContext = new StepContextImpl(partition.getStep(), execution, new AbstractContext[] {jobContext});
            run(stepContext, partition.getJobExecution(), lease, attempt, results);
        } finally {
            services.leases().release(lease);
        }
    }

    /**
     * Runs an attempt that the job repository already gives this server (the coordinator took the partition over), in
     * the coordinator's own contexts, once the partition's lease is free.
     */
    void runTakenOver(StepContextImpl partitionContext, int attempt, PartitionResults results) {
        JobExecutionImpl jobExecution = partitionContext.getJobContext().getJobExecution();
        PartitionExecutionImpl execution = (PartitionExecutionImpl) partitionContext.getStepExecution();
        LeaseKey lease = leaseOf(jobExecution, partitionContext.getStep().getId(), execution.getPartitionId());
        BooleanSupplier current = () -> services.partitionRuns().find(execution.getStepExecutionId(), execution.getPartitionId())
                .map(run -> run.attempt() == attempt).orElse(false);
        if (!awaitLease(lease, current)) {
            return;
        }
        try {
            run(partitionContext, jobExecution, lease, attempt, results);
        } finally {
            services.leases().release(lease);
        }
    }

    private void run(StepContextImpl stepContext, JobExecutionImpl jobExecution, LeaseKey lease, int attempt,
                     PartitionResults results) {
        PartitionExecutionImpl execution = (PartitionExecutionImpl) stepContext.getStepExecution();
        AttemptWorker worker = new AttemptWorker(services, jobExecution, attempt, results);
        try {
            resumeFromRepository(execution);
            if (!JobStatuses.goesOn(services.dataSource(), jobExecution.getExecutionId())) {
                execution.setBatchStatus(BatchStatus.STOPPED);
                worker.partitionDone(execution);
                return;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Partition " + execution.getPartitionId() + " of step execution "
                    + execution.getStepExecutionId() + " cannot start: " + e.getMessage(), e);
            execution.setException(e);
            execution.setBatchStatus(BatchStatus.FAILED);
            worker.partitionDone(execution);
            return;
        }
        execution.setBatchStatus(BatchStatus.STARTED);
        running.put(lease, jobExecution);
        try {
            Step step = stepContext.getStep();
            Chunk chunk = step.getChunk();
            if (chunk == null) {
                new BatchletRunner(stepContext, null, step.getBatchlet(), worker).run();
            } else {
                new ChunkRunner(stepContext, null, chunk, null, worker).run();
            }
        } finally {
            running.remove(lease);
        }
    }

    /**
     * The partition's checkpoints and persistent data as an earlier attempt of it left them in the repository, if one
     * saved any: they are newer than those the partition was sent with (its execution's start, or the execution it
     * restarts).
     */
    private void resumeFromRepository(PartitionExecutionImpl execution) {
        StepExecutionImpl step = new StepExecutionImpl(execution.getStepName());
        services.repository().getPartitionExecutions(execution.getStepExecutionId(), step, false,
                        services.environment().getClassLoader()).stream()
                .filter(saved -> saved.getPartitionId() == execution.getPartitionId())
                .findFirst()
                .ifPresent(saved -> {
                    if (saved.getReaderCheckpointInfo() != null) {
                        execution.setReaderCheckpointInfo(saved.getReaderCheckpointInfo());
                    }
                    if (saved.getWriterCheckpointInfo() != null) {
                        execution.setWriterCheckpointInfo(saved.getWriterCheckpointInfo());
                    }
                    if (saved.getPersistentUserData() != null) {
                        execution.setPersistentUserData(saved.getPersistentUserData());
                    }
                });
    }

    /** Waits for the lease while {@code stillWanted}; false when it stopped being wanted first. */
    private boolean awaitLease(LeaseKey lease, BooleanSupplier stillWanted) {
        while (stillWanted.getAsBoolean()) {
            if (services.leases().tryAcquire(lease)) {
                if (stillWanted.getAsBoolean()) {
                    return true;
                }
                services.leases().release(lease);
                return false;
            }
            try {
                Thread.sleep(LEASE_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
