package io.propertyimages.batch.cluster;

import java.time.Duration;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;

import org.jberet.repository.JobRepository;
import org.jberet.spi.BatchEnvironment;

import io.propertyimages.batch.engine.BatchRuntimeBootstrap;
import io.propertyimages.cluster.Cluster;
import io.propertyimages.cluster.Leases;
import io.propertyimages.executions.JobLog;
import io.propertyimages.executions.PartitionRuns;

/**
 * What spreading partitions over the servers takes, in one place for the classes that JBeret creates itself (its
 * partition handler factory is found with {@code ServiceLoader}, outside CDI).
 */
@ApplicationScoped
public class PartitionServices {
    @Inject
    Cluster cluster;

    @Inject
    Messaging messaging;

    @Inject
    PartitionRuns partitionRuns;

    @Inject
    BatchRuntimeBootstrap batch;

    @Resource(lookup = "jdbc/jobRepository")
    DataSource dataSource;

    @Resource(lookup = "concurrent/batchExecutor")
    ManagedExecutorService executor;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    JobLog log;

    private PartitionAttempts attempts;

    @PostConstruct
    void start() {
        attempts = new PartitionAttempts(this);
    }

    boolean spreadsPartitions() {
        return messaging.spreadsPartitions();
    }

    ConnectionFactory connectionFactory() {
        return messaging.connectionFactory().orElseThrow();
    }

    Queue partitionQueue() {
        return messaging.partitionQueue();
    }

    PartitionRuns partitionRuns() {
        return partitionRuns;
    }

    Leases leases() {
        return cluster.leases();
    }

    String serverId() {
        return cluster.serverId();
    }

    Duration checkInterval() {
        return cluster.checkInterval();
    }

    JobRepository repository() {
        return batch.jobRepository();
    }

    BatchEnvironment environment() {
        return batch.batchEnvironment();
    }

    DataSource dataSource() {
        return dataSource;
    }

    ManagedExecutorService executor() {
        return executor;
    }

    ManagedThreadFactory threadFactory() {
        return threadFactory;
    }

    JobLog log() {
        return log;
    }

    PartitionAttempts attempts() {
        return attempts;
    }
}
