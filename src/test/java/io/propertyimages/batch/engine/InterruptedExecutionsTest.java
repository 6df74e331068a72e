package io.propertyimages.batch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;

import org.h2.jdbcx.JdbcDataSource;
import org.jberet.job.model.Job;
import org.jberet.repository.JdbcRepository;
import org.jberet.runtime.JobExecutionImpl;
import org.jberet.runtime.JobInstanceImpl;
import org.jberet.runtime.PartitionExecutionImpl;
import org.jberet.runtime.StepExecutionImpl;
import org.junit.jupiter.api.Test;

/** JBeret's JDBC repository on an in-memory H2, as a server that died left it, read again as a new server would. */
class InterruptedExecutionsTest {
    private static final ClassLoader LOADER = InterruptedExecutionsTest.class.getClassLoader();
    private final JdbcDataSource dataSource = new JdbcDataSource();

    InterruptedExecutionsTest() {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void marksRunningExecutionsAndPartitionsFailedKeepsTheirCheckpointsAndLeavesTheStepAsJBeretsCrashRestartWantsIt() {
        JdbcRepository deadServer = new JdbcRepository(dataSource);
        long completed = execution(deadServer, BatchStatus.COMPLETED, BatchStatus.COMPLETED);
        long started = execution(deadServer, BatchStatus.STARTED, BatchStatus.STARTED);
        long stopping = execution(deadServer, BatchStatus.STOPPING, BatchStatus.STOPPING);

        List<JobExecution> marked = new InterruptedExecutions(new JdbcRepository(dataSource), dataSource, LOADER).markAllFailed();

        assertEquals(List.of(started, stopping), marked.stream().map(JobExecution::getExecutionId).toList());
        JdbcRepository restartedServer = new JdbcRepository(dataSource);
        for (long id : List.of(started, stopping)) {
            JobExecution execution = restartedServer.getJobExecution(id);
            assertEquals(BatchStatus.FAILED, execution.getBatchStatus());
            assertEquals(InterruptedExecutions.EXIT_STATUS, execution.getExitStatus());
            assertNotNull(execution.getEndTime(), "an end time, as any ended execution has");
            StepExecutionImpl step = step(restartedServer, id);
            assertTrue(step.getBatchStatus() == BatchStatus.STARTED || step.getBatchStatus() == BatchStatus.STOPPING,
                    "the step stays running, so a restart runs the partitions that never started too: " + step.getBatchStatus());
            Map<Integer, PartitionExecutionImpl> partitions = partitions(restartedServer, step);
            assertEquals(BatchStatus.COMPLETED, partitions.get(0).getBatchStatus(), "a finished partition stays so");
            assertEquals(BatchStatus.FAILED, partitions.get(1).getBatchStatus());
            assertEquals(InterruptedExecutions.EXIT_STATUS, partitions.get(1).getExitStatus());
            assertEquals("url 7", partitions.get(1).getReaderCheckpointInfo(), "the checkpoint the restart resumes from");
        }
        JobExecution untouched = restartedServer.getJobExecution(completed);
        assertEquals(BatchStatus.COMPLETED, untouched.getBatchStatus());
        assertEquals("COMPLETED", untouched.getExitStatus());
    }

    @Test
    void marksNothingWhenNothingRuns() {
        JdbcRepository deadServer = new JdbcRepository(dataSource);
        long failed = execution(deadServer, BatchStatus.FAILED, BatchStatus.FAILED);

        assertEquals(List.of(), new InterruptedExecutions(new JdbcRepository(dataSource), dataSource, LOADER).markAllFailed());
        assertEquals("FAILED", new JdbcRepository(dataSource).getJobExecution(failed).getExitStatus(), "left as it was");
    }

    /**
     * An execution of a partitioned step as JBeret writes it: partition 0 completed, partition 1 in {@code status}
     * with a checkpoint, the step and the execution in {@code status}.
     */
    private static long execution(JdbcRepository repository, BatchStatus status, BatchStatus partitionStatus) {
        JobInstanceImpl instance = repository.createJobInstance(new Job("download-images"), "property-images", LOADER);
        JobExecutionImpl execution = repository.createJobExecution(instance, new Properties());
        execution.setBatchStatus(BatchStatus.STARTED);
        repository.updateJobExecution(execution, false, false);
        StepExecutionImpl step = repository.createStepExecution("downloadImages");
        step.setBatchStatus(BatchStatus.STARTED);
        repository.addStepExecution(execution, step);
        for (int id = 0; id < 2; id++) {
            PartitionExecutionImpl partition = new PartitionExecutionImpl(step);
            partition.setPartitionId(id);
            repository.addPartitionExecution(step, partition);
            partition.setBatchStatus(id == 0 ? BatchStatus.COMPLETED : partitionStatus);
            partition.setReaderCheckpointInfo("url 7");
            repository.savePersistentData(execution, partition);
        }
        step.setBatchStatus(status);
        repository.updateStepExecution(step);
        execution.setBatchStatus(status);
        repository.updateJobExecution(execution, false, false);
        return execution.getExecutionId();
    }

    private static StepExecutionImpl step(JdbcRepository repository, long executionId) {
        return (StepExecutionImpl) repository.getStepExecutions(executionId, LOADER).get(0);
    }

    private static Map<Integer, PartitionExecutionImpl> partitions(JdbcRepository repository, StepExecutionImpl step) {
        return repository.getPartitionExecutions(step.getStepExecutionId(), step, false, LOADER).stream()
                .sorted(Comparator.comparingInt(PartitionExecutionImpl::getPartitionId))
                .collect(Collectors.toMap(PartitionExecutionImpl::getPartitionId, Function.identity()));
    }
}
