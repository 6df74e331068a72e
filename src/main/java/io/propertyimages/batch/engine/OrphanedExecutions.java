package io.propertyimages.batch.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.batch.operations.BatchRuntimeException;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jberet.runtime.JobExecutionImpl;

import io.propertyimages.cluster.Cluster;
import io.propertyimages.cluster.LeaseKey;
import io.propertyimages.cluster.Leases;
import io.propertyimages.executions.ExecutionServers;
import io.propertyimages.executions.JobLog;
import io.propertyimages.executions.PartitionRun;
import io.propertyimages.executions.PartitionRuns;

/**
 * On servers that share a job repository: finds the executions whose server died, and takes each over. Every
 * {@code cluster.check.seconds} each server reads the running executions and tries the lease of those it does not run;
 * a lease seen free on two looks in a row (not in the instant between an execution's creation and its lease) belongs
 * to a dead server. The first server to take such a lease stops what is still running of the execution elsewhere (its
 * partitions on live servers, through JBeret's STOPPING status), waits for those partitions to stop, marks the
 * execution FAILED as {@link InterruptedExecutions} does, and restarts it when {@code batch.restart.interrupted} is
 * true: from then on it runs here.
 */
@ApplicationScoped
public class OrphanedExecutions {
    private static final Logger LOG = Logger.getLogger(OrphanedExecutions.class.getName());
    /** How long a take-over waits for the partitions that live servers still run to stop at their next checkpoint. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(2);

    @Inject
    BatchRuntimeBootstrap batch;

    @Inject
    Cluster cluster;

    @Inject
    ExecutionServers servers;

    @Inject
    PartitionRuns partitionRuns;

    @Inject
    JobLog log;

    @Resource(lookup = "jdbc/jobRepository")
    DataSource dataSource;

    @Resource(lookup = "concurrent/scheduleExecutor")
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = "concurrent/batchExecutor")
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "batch.restart.interrupted")
    boolean restartInterrupted;

    /** Executions whose lease was free at the last look. */
    private final Set<Long> suspects = new HashSet<>();
    private ScheduledFuture<?> watch;

    /** Looks now, and then every check interval, until the application stops. */
    void startWatching() {
        long every = cluster.checkInterval().toMillis();
        watch = scheduler.scheduleWithFixedDelay(this::look, 0, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopWatching() {
        if (watch != null) {
            watch.cancel(false);
        }
    }

    private synchronized void look() {
        try {
            Leases leases = cluster.leases();
            List<Long> running = interrupted().runningExecutionIds();
            suspects.retainAll(running);
            for (long id : running) {
                LeaseKey lease = LeaseKey.execution(id);
                if (leases.holds(lease) || !leases.isFree(lease)) {
                    suspects.remove(id);
                } else if (suspects.add(id)) {
                    LOG.fine(() -> "Execution " + id + " has no server holding its lease; looking again");
                } else if (leases.tryAcquire(lease)) {
                    suspects.remove(id);
                    executor.execute(() -> takeOver(id));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot look for executions whose server died: " + e.getMessage(), e);
        }
    }

    /** Runs with the execution's lease held: no other server does the same. */
    private void takeOver(long id) {
        String deadServer = servers.serverOf(id).orElse(null);
        RepositoryCaches.forget(batch.jobRepository(), List.of(id), List.of());
        JobExecutionImpl execution = (JobExecutionImpl) batch.jobRepository().getJobExecution(id);
        if (!InterruptedExecutions.RUNNING.contains(execution.getBatchStatus())) {
            cluster.leases().release(LeaseKey.execution(id));
            return;
        }
        String exitStatus = InterruptedExecutions.exitStatusOf(deadServer);
        LOG.warning(() -> "Execution " + id + " of " + execution.getJobName() + " was left running by server " + deadServer
                + ", which stopped: server " + cluster.serverId() + " takes it over");
        log.warning(id, "Server " + cluster.serverId() + " takes over: server " + deadServer + ", which ran this execution, stopped");
        batch.jobRepository().stopJobExecution(execution);
        awaitPartitionsStopped(execution);
        interrupted().markFailed(id, exitStatus);
        log.warning(id, "Ended FAILED (" + exitStatus + ")");
        if (restartInterrupted) {
            restart(execution);
        }
    }

    /** Waits until no server runs a partition of the execution any more, or {@link #DRAIN_TIMEOUT} has passed. */
    private void awaitPartitionsStopped(JobExecution execution) {
        long instanceId = batch.jobOperator().getJobInstance(execution.getExecutionId()).getInstanceId();
        List<StepExecution> steps = batch.jobRepository().getStepExecutions(execution.getExecutionId(), getClass().getClassLoader());
        Instant deadline = Instant.now().plus(DRAIN_TIMEOUT);
        for (PartitionRun run : partitionRuns.ofExecution(execution.getExecutionId())) {
            if (run.state() != PartitionRun.State.RUNNING) {
                continue;
            }
            String stepName = steps.stream().filter(s -> s.getStepExecutionId() == run.stepExecutionId())
                    .map(StepExecution::getStepName).findFirst().orElse(null);
            LeaseKey lease = LeaseKey.partition(instanceId, stepName, run.partition());
            while (!cluster.leases().isFree(lease) && Instant.now().isBefore(deadline)) {
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private void restart(JobExecution execution) {
        try {
            long restarted = batch.jobOperator().restart(execution.getExecutionId(), execution.getJobParameters());
            LOG.info(() -> "Execution " + execution.getExecutionId() + " of " + execution.getJobName()
                    + " restarted as execution " + restarted + " on server " + cluster.serverId());
        } catch (BatchRuntimeException e) {
            LOG.log(Level.SEVERE, "Execution " + execution.getExecutionId() + " of " + execution.getJobName()
                    + " could not be restarted; restart it over the REST API once the cause is gone", e);
        }
    }

    private InterruptedExecutions interrupted() {
        return new InterruptedExecutions(batch.jobRepository(), dataSource, getClass().getClassLoader());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatchRuntimeException("interrupted while waiting for partitions to stop", e);
        }
    }
}
