package io.propertyimages.batch.engine;

import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import org.jberet.repository.JdbcRepository;
import org.jberet.repository.JobRepository;
import org.jberet.spi.BatchEnvironment;
import org.jberet.spi.JobOperatorContext;

import io.propertyimages.cluster.Cluster;
import io.propertyimages.executions.ExecutionServers;

/**
 * Starts the embedded JBeret engine when the application starts: from then on {@link BatchRuntime#getJobOperator()}
 * drives this application's jobs, with the job repository in the server's {@code jdbc/jobRepository} DataSource; each
 * execution is leased to the server that runs it ({@link OwnedExecutionsRepository}).
 */
@ApplicationScoped
public class BatchRuntimeBootstrap {
    static final String APPLICATION_NAME = "property-images";
    private static final Logger LOG = Logger.getLogger(BatchRuntimeBootstrap.class.getName());

    @Resource(lookup = "jdbc/jobRepository")
    DataSource dataSource;

    @Resource(lookup = "concurrent/batchExecutor")
    ManagedExecutorService executor;

    @Inject
    BeanManager beanManager;

    @Inject
    Cluster cluster;

    @Inject
    ExecutionServers servers;

    private JobRepository jobRepository;
    private BatchEnvironment environment;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        jobRepository = new OwnedExecutionsRepository(new JdbcRepository(dataSource), cluster.leases(), servers,
                cluster.serverId());
        environment = new LibertyBatchEnvironment(
                Thread.currentThread().getContextClassLoader(), new CdiArtifactFactory(beanManager), executor,
                jobRepository, APPLICATION_NAME);
        JobOperatorContext context = JobOperatorContext.create(environment);
        JobOperatorContext.setJobOperatorContextSelector(() -> context);
        LOG.info("Batch runtime started: JBeret with a JDBC job repository");
    }

    /** The repository behind the JobOperator, for the queries the Jakarta Batch API does not offer. */
    public JobRepository jobRepository() {
        return jobRepository;
    }

    /** The environment the engine runs jobs in, for partitions that this server runs for another's execution. */
    public BatchEnvironment batchEnvironment() {
        return environment;
    }

    public JobOperator jobOperator() {
        return BatchRuntime.getJobOperator();
    }
}
