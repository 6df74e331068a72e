package io.propertyimages.batch.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.batch.operations.BatchRuntimeException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;

import org.jberet.repository.JobRepository;
import org.jberet.runtime.AbstractExecution;
import org.jberet.runtime.JobExecutionImpl;
import org.jberet.runtime.PartitionExecutionImpl;
import org.jberet.runtime.StepExecutionImpl;

/**
 * Executions the job repository shows as running although no JVM runs them: what a server that died (SIGKILL, power
 * cut, out of memory) left behind. JBeret updates an execution only from the JVM that runs it, so such an execution
 * would stay STARTED for good, with its running step and partitions.
 * <p>
 * A server with a job repository of its own (H2) knows them at start-up: nothing can be running yet, so every running
 * execution is an interrupted one ({@link #markAllFailed}). Servers that share a repository tell them by their lease
 * instead ({@link OrphanedExecutions}), and mark them one by one ({@link #markFailed(long, String)}).
 */
final class InterruptedExecutions {
    static final String EXIT_STATUS = "FAILED: server stopped while running";
    private static final String EXIT_STATUS_OF_SERVER = "FAILED: server %s stopped while running";
    static final Set<BatchStatus> RUNNING = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

    private static final String RUNNING_EXECUTION_IDS = "SELECT JOBEXECUTIONID FROM JOB_EXECUTION"
            + " WHERE BATCHSTATUS IN ('STARTING', 'STARTED', 'STOPPING') ORDER BY JOBEXECUTIONID";

    private final JobRepository repository;
    private final DataSource dataSource;
    private final ClassLoader classLoader;

    /** {@code dataSource} is the repository's own: JBeret has no query for the running executions of every job. */
    InterruptedExecutions(JobRepository repository, DataSource dataSource, ClassLoader classLoader) {
        this.repository = repository;
        this.dataSource = dataSource;
        this.classLoader = classLoader;
    }

    /** The exit status of an execution that {@code serverId} left running; the unnamed one when it is not known. */
    static String exitStatusOf(String serverId) {
        return serverId == null ? EXIT_STATUS : EXIT_STATUS_OF_SERVER.formatted(serverId);
    }

    /**
     * Marks every running execution FAILED with {@link #EXIT_STATUS}, and its running partitions with it (their
     * checkpoints stay, so a restart resumes from them), through JBeret's repository API.
     * <p>
     * The running step itself is left as the dead server left it. JBeret restarts a step whose last status is FAILED
     * with the partitions that have a row, and a partition gets its row only when a thread takes it up: with more
     * partitions than threads, those still waiting at the kill would be skipped for good. A step still STARTED is
     * restarted as a crashed one, with every partition that did not complete, the never-started ones included.
     *
     * @return the executions marked, oldest first
     */
    List<JobExecution> markAllFailed() {
        List<JobExecution> interrupted = runningExecutionIds().stream().map(repository::getJobExecution).toList();
        interrupted.forEach(execution -> markFailed((JobExecutionImpl) execution, EXIT_STATUS));
        return interrupted;
    }

    /** Marks one execution FAILED with {@code exitStatus}, as {@link #markAllFailed} does; the step too is left as it is. */
    JobExecution markFailed(long executionId, String exitStatus) {
        JobExecutionImpl execution = (JobExecutionImpl) repository.getJobExecution(executionId);
        markFailed(execution, exitStatus);
        return execution;
    }

    /** Read with a query of its own, so that a start does not load every execution the repository holds. */
    List<Long> runningExecutionIds() {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(RUNNING_EXECUTION_IDS)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        } catch (SQLException e) {
            throw new BatchRuntimeException("cannot read the running executions from the job repository", e);
        }
        return ids;
    }

    private void markFailed(JobExecutionImpl execution, String exitStatus) {
        for (StepExecution step : repository.getStepExecutions(execution.getExecutionId(), classLoader)) {
            StepExecutionImpl stepExecution = (StepExecutionImpl) step;
            for (PartitionExecutionImpl partition : repository.getPartitionExecutions(
                    step.getStepExecutionId(), stepExecution, true, classLoader)) {
                if (RUNNING.contains(partition.getBatchStatus())) {
                    fail(partition, exitStatus);
                    repository.savePersistentData(execution, partition);
                }
            }
        }
        fail(execution, exitStatus);
        repository.updateJobExecution(execution, true, false);
    }

    private static void fail(AbstractExecution execution, String exitStatus) {
        execution.setBatchStatus(BatchStatus.FAILED);
        execution.setExitStatus(exitStatus);
    }
}
