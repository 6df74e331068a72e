package io.propertyimages.batch.engine;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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
 * would stay STARTED for good, with its running steps and partitions.
 * <p>
 * This assumes one server per job repository: when the application starts, nothing in the repository can be running
 * yet, so every running execution is an interrupted one. Several servers sharing one database would mark each other's
 * running executions; telling them apart needs an owner per execution, which JBeret's tables do not have.
 */
final class InterruptedExecutions {
    static final String EXIT_STATUS = "FAILED: server stopped while running";
    private static final Set<BatchStatus> RUNNING = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

    private final JobRepository repository;
    private final ClassLoader classLoader;

    InterruptedExecutions(JobRepository repository, ClassLoader classLoader) {
        this.repository = repository;
        this.classLoader = classLoader;
    }

    /**
     * Marks every running execution FAILED with {@link #EXIT_STATUS}, and its running steps and partitions with it
     * (their checkpoints stay, so a restart resumes from them), through JBeret's repository API.
     *
     * @return the executions marked, oldest first
     */
    List<JobExecution> markFailed() {
        List<JobExecution> interrupted = repository.getJobExecutions(null).stream()
                .filter(execution -> RUNNING.contains(execution.getBatchStatus()))
                .sorted(Comparator.comparingLong(JobExecution::getExecutionId))
                .toList();
        interrupted.forEach(execution -> markFailed((JobExecutionImpl) execution));
        return interrupted;
    }

    private void markFailed(JobExecutionImpl execution) {
        for (StepExecution step : repository.getStepExecutions(execution.getExecutionId(), classLoader)) {
            StepExecutionImpl stepExecution = (StepExecutionImpl) step;
            for (PartitionExecutionImpl partition : repository.getPartitionExecutions(
                    step.getStepExecutionId(), stepExecution, true, classLoader)) {
                if (RUNNING.contains(partition.getBatchStatus())) {
                    fail(partition);
                    repository.savePersistentData(execution, partition);
                }
            }
            if (RUNNING.contains(step.getBatchStatus())) {
                fail(stepExecution);
                repository.updateStepExecution(stepExecution);
            }
        }
        fail(execution);
        repository.updateJobExecution(execution, true, false);
    }

    private static void fail(AbstractExecution execution) {
        execution.setBatchStatus(BatchStatus.FAILED);
        execution.setExitStatus(EXIT_STATUS);
    }
}
