package io.propertyimages.batch.engine;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.batch.operations.BatchRuntimeException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.JobExecution;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.propertyimages.cluster.Cluster;
import io.propertyimages.executions.JobLog;

/**
 * When the application starts, before it takes any request: marks FAILED the executions that a server which died
 * left running ({@link InterruptedExecutions}), so that they restart like any failed one, and restarts them through
 * the JobOperator when the server variable {@code batch.restart.interrupted} is true. On a job repository that other
 * servers share, those may be running, so it watches the executions' leases instead ({@link OrphanedExecutions}).
 * It is declared in web.xml after the ImageIO plugins' listener, so a job it restarts finds the image plugins
 * registered.
 */
public final class InterruptedExecutionsListener implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(InterruptedExecutionsListener.class.getName());

    @Inject
    BatchRuntimeBootstrap batch;

    @Resource(lookup = "jdbc/jobRepository")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "batch.restart.interrupted")
    boolean restartInterrupted;

    @Inject
    Cluster cluster;

    @Inject
    OrphanedExecutions orphaned;

    @Inject
    JobLog log;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (cluster.isShared()) {
            orphaned.startWatching();
            return;
        }
        List<JobExecution> interrupted = new InterruptedExecutions(batch.jobRepository(), dataSource,
                InterruptedExecutionsListener.class.getClassLoader()).markAllFailed();
        for (JobExecution execution : interrupted) {
            LOG.warning(() -> "Execution " + execution.getExecutionId() + " of " + execution.getJobName()
                    + " was left running by a server that stopped: marked FAILED (" + InterruptedExecutions.EXIT_STATUS + ")");
            log.warning(execution.getExecutionId(), "Ended FAILED (" + InterruptedExecutions.EXIT_STATUS + ")");
        }
        if (restartInterrupted) {
            interrupted.forEach(this::restart);
        }
    }

    private void restart(JobExecution execution) {
        JobOperator operator = batch.jobOperator();
        try {
            long restarted = operator.restart(execution.getExecutionId(), execution.getJobParameters());
            LOG.info(() -> "Execution " + execution.getExecutionId() + " of " + execution.getJobName()
                    + " restarted as execution " + restarted + " (batch.restart.interrupted is true)");
        } catch (BatchRuntimeException e) {
            LOG.log(Level.SEVERE, "Execution " + execution.getExecutionId() + " of " + execution.getJobName()
                    + " could not be restarted; restart it over the REST API once the cause is gone", e);
        }
    }
}
