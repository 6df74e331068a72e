package io.propertyimages.batch.cluster;

import java.io.Serializable;

import org.jberet.runtime.AbstractStepExecution;
import org.jberet.runtime.JobExecutionImpl;
import org.jberet.runtime.PartitionExecutionImpl;
import org.jberet.spi.PartitionWorker;

/**
 * JBeret's side of one attempt of a partition: after each chunk it hands the collector's data on and stops the
 * partition once its execution no longer goes on in the job repository (stopped, or failed because its server died,
 * from whatever server); at the end it saves the partition's final state, marks the attempt done and reports it.
 */
final class AttemptWorker implements PartitionWorker {
    private final PartitionServices services;
    private final JobExecutionImpl jobExecution;
    private final int attempt;
    private final PartitionResults results;

    AttemptWorker(PartitionServices services, JobExecutionImpl jobExecution, int attempt, PartitionResults results) {
        this.services = services;
        this.jobExecution = jobExecution;
        this.attempt = attempt;
        this.results = results;
    }

    @Override
    public void reportData(Serializable data, AbstractStepExecution partitionExecution) {
        PartitionExecutionImpl partition = (PartitionExecutionImpl) partitionExecution;
        results.collected(partition.getPartitionId(), attempt, data);
        if (!jobExecution.isStopRequested() && !JobStatuses.goesOn(services.dataSource(), jobExecution.getExecutionId())) {
            jobExecution.stop();
        }
    }

    @Override
    public void partitionDone(AbstractStepExecution partitionExecution) {
        PartitionExecutionImpl partition = (PartitionExecutionImpl) partitionExecution;
        services.repository().savePersistentData(jobExecution, partition);
        services.partitionRuns().done(partition.getStepExecutionId(), partition.getPartitionId(), attempt);
        results.ended(partition.getPartitionId(), attempt, partition);
    }
}
