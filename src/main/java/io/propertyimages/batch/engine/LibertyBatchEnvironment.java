package io.propertyimages.batch.engine;

import java.util.Properties;
import java.util.concurrent.Executor;

import jakarta.transaction.TransactionManager;

import org.jberet.repository.JobRepository;
import org.jberet.spi.ArtifactFactory;
import org.jberet.spi.BatchEnvironment;
import org.jberet.spi.JobTask;
import org.jberet.spi.JobXmlResolver;
import org.jberet.tools.MetaInfBatchJobsJobXmlResolver;
import org.jberet.tx.LocalTransactionManager;

/**
 * JBeret's view of this application inside Open Liberty: artifacts are CDI beans, tasks run on a Liberty managed
 * executor, job XML comes from {@code META-INF/batch-jobs} and the repository is JDBC.
 */
final class LibertyBatchEnvironment implements BatchEnvironment {
    private final ClassLoader classLoader;
    private final ArtifactFactory artifactFactory;
    private final Executor executor;
    private final JobRepository jobRepository;
    private final JobXmlResolver jobXmlResolver = new MetaInfBatchJobsJobXmlResolver();
    private final Properties configuration = new Properties();
    private final String applicationName;

    LibertyBatchEnvironment(ClassLoader classLoader, ArtifactFactory artifactFactory, Executor executor,
                            JobRepository jobRepository, String applicationName) {
        this.classLoader = classLoader;
        this.artifactFactory = artifactFactory;
        this.executor = executor;
        this.jobRepository = jobRepository;
        this.applicationName = applicationName;
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader;
    }

    @Override
    public ArtifactFactory getArtifactFactory() {
        return artifactFactory;
    }

    @Override
    public void submitTask(JobTask task) {
        executor.execute(task);
    }

    /**
     * The files a chunk writes are not transactional, and the JDBC repository commits each update on its own, so
     * JBeret's thread-local transaction bookkeeping is all a chunk needs: a checkpoint is durable once saved.
     */
    @Override
    public TransactionManager getTransactionManager() {
        return LocalTransactionManager.getInstance();
    }

    @Override
    public JobRepository getJobRepository() {
        return jobRepository;
    }

    @Override
    public JobXmlResolver getJobXmlResolver() {
        return jobXmlResolver;
    }

    @Override
    public Properties getBatchConfigurationProperties() {
        return configuration;
    }

    @Override
    public String getApplicationName() {
        return applicationName;
    }
}
