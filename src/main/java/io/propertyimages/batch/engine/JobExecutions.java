package io.propertyimages.batch.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jberet.runtime.PartitionExecutionImpl;
import org.jberet.runtime.StepExecutionImpl;

import io.propertyimages.cluster.Cluster;
import io.propertyimages.cluster.LeaseKey;

/**
 * The JobOperator's view of executions, right whichever server runs them. JBeret keeps the executions it has seen in
 * memory and reads them again only in part, so on a shared repository an execution that this server does not run
 * itself (whose lease it does not hold) is read from its row as it is now, and JBeret forgets its copy before it acts
 * on one. A stop asked here of an execution another server runs reaches it through the repository (JBeret writes
 * STOPPING there for an execution that does not run in its JVM; the partitions see it at their next checkpoint).
 */
@ApplicationScoped
public class JobExecutions {
    @Inject
    BatchRuntimeBootstrap batch;

    @Inject
    Cluster cluster;

    @Resource(lookup = "jdbc/jobRepository")
    DataSource dataSource;

    public JobExecution execution(long executionId) {
        if (runsHere(executionId)) {
            return batch.jobOperator().getJobExecution(executionId);
        }
        return ExecutionRow.read(dataSource, executionId).orElseThrow(() ->
                new NoSuchJobExecutionException("no job execution " + executionId));
    }

    /** The id of the execution's job instance, without loading the instance. */
    public long instanceIdOf(JobExecution execution) {
        return execution instanceof ExecutionRow row ? row.jobInstanceId()
                : batch.jobOperator().getJobInstance(execution.getExecutionId()).getInstanceId();
    }

    public List<StepExecution> stepExecutions(long executionId) {
        return fresh(executionId).getStepExecutions(executionId);
    }

    /** The partitions of a step as the repository has them now, wherever they ran. */
    public List<PartitionExecutionImpl> partitions(StepExecution step) {
        return batch.jobRepository().getPartitionExecutions(step.getStepExecutionId(),
                new StepExecutionImpl(step.getStepName()), false, getClass().getClassLoader());
    }

    public void stop(long executionId) {
        fresh(executionId).stop(executionId);
    }

    public long restart(long executionId, Properties parameters) {
        return fresh(executionId).restart(executionId, parameters);
    }

    public void abandon(long executionId) {
        fresh(executionId).abandon(executionId);
    }

    /**
     * Whether the execution runs on some server now: the repository shows it running and a server holds its lease
     * (one that a dead server left does not count).
     */
    public boolean isRunning(long executionId) {
        return InterruptedExecutions.RUNNING.contains(execution(executionId).getBatchStatus())
                && !cluster.leases().isFree(LeaseKey.execution(executionId));
    }

    /** The job's executions that the repository shows running, on any server, newest first. */
    public List<Long> runningIds(String jobName) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT e.JOBEXECUTIONID FROM JOB_EXECUTION e"
                     + " JOIN JOB_INSTANCE i ON i.JOBINSTANCEID = e.JOBINSTANCEID WHERE i.JOBNAME = ?"
                     + " AND e.BATCHSTATUS IN ('STARTING', 'STARTED', 'STOPPING') ORDER BY e.JOBEXECUTIONID DESC")) {
            select.setString(1, jobName);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the running executions of " + jobName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether JBeret's copy of the execution is the one to trust: on a repository of this server's own it always is;
     * on a shared one, for the executions this server runs.
     */
    private boolean runsHere(long executionId) {
        return !cluster.isShared() || cluster.leases().holds(LeaseKey.execution(executionId));
    }

    /** The operator, after JBeret has forgotten the execution unless it runs here, so that it acts on it as it is now. */
    private JobOperator fresh(long executionId) {
        if (!runsHere(executionId)) {
            RepositoryCaches.forget(batch.jobRepository(), List.of(executionId), List.of());
        }
        return batch.jobOperator();
    }
}
