package io.propertyimages.batch.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.StepExecution;

import org.jberet.job.model.Job;
import org.jberet.repository.ApplicationAndJobName;
import org.jberet.repository.JobExecutionSelector;
import org.jberet.repository.JobRepository;
import org.jberet.runtime.AbstractStepExecution;
import org.jberet.runtime.JobExecutionImpl;
import org.jberet.runtime.JobInstanceImpl;
import org.jberet.runtime.PartitionExecutionImpl;
import org.jberet.runtime.StepExecutionImpl;

import io.propertyimages.cluster.LeaseKey;
import io.propertyimages.cluster.Leases;
import io.propertyimages.executions.ExecutionServers;

/**
 * JBeret's repository, with this server taking the lease on each execution it creates, before the execution's task is
 * even queued, and giving it up once the execution's end is written: while the repository shows an execution running,
 * the server that runs it holds its lease, and a running execution whose lease is free was left by a dead server.
 * The server that runs each execution is recorded as well.
 */
final class OwnedExecutionsRepository implements JobRepository {
    private static final Set<BatchStatus> ENDED = EnumSet.of(BatchStatus.COMPLETED, BatchStatus.FAILED,
            BatchStatus.STOPPED, BatchStatus.ABANDONED);

    private final JobRepository repository;
    private final Leases leases;
    private final ExecutionServers servers;
    private final String serverId;

    OwnedExecutionsRepository(JobRepository repository, Leases leases, ExecutionServers servers, String serverId) {
        this.repository = repository;
        this.leases = leases;
        this.servers = servers;
        this.serverId = serverId;
    }

    @Override
    public JobExecutionImpl createJobExecution(JobInstanceImpl jobInstance, Properties jobParameters) {
        JobExecutionImpl execution = repository.createJobExecution(jobInstance, jobParameters);
        leases.tryAcquire(LeaseKey.execution(execution.getExecutionId()));
        servers.record(execution.getExecutionId(), serverId);
        return execution;
    }

    @Override
    public void updateJobExecution(JobExecutionImpl jobExecution, boolean fullUpdate, boolean saveJobParameters) {
        repository.updateJobExecution(jobExecution, fullUpdate, saveJobParameters);
        if (ENDED.contains(jobExecution.getBatchStatus())) {
            leases.release(LeaseKey.execution(jobExecution.getExecutionId()));
        }
    }

    @Override
    public void addJob(ApplicationAndJobName applicationAndJobName, Job job) {
        repository.addJob(applicationAndJobName, job);
    }

    @Override
    public void removeJob(String jobId) {
        repository.removeJob(jobId);
    }

    @Override
    public Job getJob(ApplicationAndJobName applicationAndJobName) {
        return repository.getJob(applicationAndJobName);
    }

    @Override
    public Set<String> getJobNames() {
        return repository.getJobNames();
    }

    @Override
    public boolean jobExists(String jobName) {
        return repository.jobExists(jobName);
    }

    @Override
    public JobInstanceImpl createJobInstance(Job job, String applicationName, ClassLoader classLoader) {
        return repository.createJobInstance(job, applicationName, classLoader);
    }

    @Override
    public void removeJobInstance(long jobInstanceId) {
        repository.removeJobInstance(jobInstanceId);
    }

    @Override
    public JobInstance getJobInstance(long jobInstanceId) {
        return repository.getJobInstance(jobInstanceId);
    }

    @Override
    public List<JobInstance> getJobInstances(String jobName) {
        return repository.getJobInstances(jobName);
    }

    @Override
    public int getJobInstanceCount(String jobName) {
        return repository.getJobInstanceCount(jobName);
    }

    @Override
    public JobExecution getJobExecution(long jobExecutionId) {
        return repository.getJobExecution(jobExecutionId);
    }

    @Override
    public List<JobExecution> getJobExecutions(JobInstance jobInstance) {
        return repository.getJobExecutions(jobInstance);
    }

    @Override
    public List<Long> getJobExecutionsByJob(String jobName) {
        return repository.getJobExecutionsByJob(jobName);
    }

    @Override
    public List<Long> getJobExecutionsByJob(String jobName, Integer limit) {
        return repository.getJobExecutionsByJob(jobName, limit);
    }

    @Override
    public void stopJobExecution(JobExecutionImpl jobExecution) {
        repository.stopJobExecution(jobExecution);
    }

    @Override
    public List<Long> getRunningExecutions(String jobName) {
        return repository.getRunningExecutions(jobName);
    }

    @Override
    public void removeJobExecutions(JobExecutionSelector jobExecutionSelector) {
        repository.removeJobExecutions(jobExecutionSelector);
    }

    @Override
    public List<StepExecution> getStepExecutions(long jobExecutionId, ClassLoader classLoader) {
        return repository.getStepExecutions(jobExecutionId, classLoader);
    }

    @Override
    public StepExecutionImpl createStepExecution(String stepName) {
        return repository.createStepExecution(stepName);
    }

    @Override
    public void addStepExecution(JobExecutionImpl jobExecution, StepExecutionImpl stepExecution) {
        repository.addStepExecution(jobExecution, stepExecution);
    }

    @Override
    public void updateStepExecution(StepExecution stepExecution) {
        repository.updateStepExecution(stepExecution);
    }

    @Override
    public StepExecutionImpl findOriginalStepExecutionForRestart(String stepName, JobExecutionImpl jobExecutionToRestart,
                                                                 ClassLoader classLoader) {
        return repository.findOriginalStepExecutionForRestart(stepName, jobExecutionToRestart, classLoader);
    }

    @Override
    public int countStepStartTimes(String stepName, long jobInstanceId) {
        return repository.countStepStartTimes(stepName, jobInstanceId);
    }

    @Override
    public void addPartitionExecution(StepExecutionImpl enclosingStepExecution, PartitionExecutionImpl partitionExecution) {
        repository.addPartitionExecution(enclosingStepExecution, partitionExecution);
    }

    @Override
    public List<PartitionExecutionImpl> getPartitionExecutions(long stepExecutionId, StepExecutionImpl stepExecution,
                                                               boolean notCompletedOnly, ClassLoader classLoader) {
        return repository.getPartitionExecutions(stepExecutionId, stepExecution, notCompletedOnly, classLoader);
    }

    @Override
    public void savePersistentData(JobExecution jobExecution, AbstractStepExecution stepOrPartitionExecution) {
        repository.savePersistentData(jobExecution, stepOrPartitionExecution);
    }

    @Override
    public int savePersistentDataIfNotStopping(JobExecution jobExecution, AbstractStepExecution stepOrPartitionExecution) {
        return repository.savePersistentDataIfNotStopping(jobExecution, stepOrPartitionExecution);
    }
}
