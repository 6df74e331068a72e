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
import org.jberet.spi.JobOperatorContext;

/**
 * Starts the embedded JBeret engine when the application starts: from then on {@link BatchRuntime#getJobOperator()}
 * drives this application's jobs, with the job repository in the server's {@code jdbc/jobRepository} DataSource.
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

    private JobRepository jobRepository;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        jobRepository = new JdbcRepository(dataSource);
        LibertyBatchEnvironment environment = new LibertyBatchEnvironment(
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

    public JobOperator jobOperator() {
        return BatchRuntime.getJobOperator();
    }
}
