package io.propertyimages.batch.cluster;

import java.util.Optional;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;

import io.propertyimages.cluster.Cluster;

/**
 * The Jakarta Messaging resources that partitions travel by between servers, when the server configuration has them
 * ({@code server-config/messaging/engine.xml} or {@code client.xml}, chosen by {@code messaging.role}): the connection
 * factory {@value #CONNECTION_FACTORY} and the queue {@value #PARTITION_QUEUE}. Without them, or on a job repository of
 * this server's own, partitions run on this server's threads.
 */
@ApplicationScoped
public class Messaging {
    static final String CONNECTION_FACTORY = "jms/propertyImages";
    static final String PARTITION_QUEUE = "jms/partitionQueue";
    private static final Logger LOG = Logger.getLogger(Messaging.class.getName());

    @Inject
    Cluster cluster;

    private ConnectionFactory connectionFactory;
    private Queue partitionQueue;

    @PostConstruct
    void lookUp() {
        try {
            connectionFactory = InitialContext.doLookup(CONNECTION_FACTORY);
            partitionQueue = InitialContext.doLookup(PARTITION_QUEUE);
        } catch (NameNotFoundException e) {
            connectionFactory = null;
            return;
        } catch (NamingException e) {
            throw new IllegalStateException("cannot look up the messaging resources: " + e.getMessage(), e);
        }
        if (!cluster.isShared()) {
            LOG.severe("Messaging is configured, but the job repository is not shared (H2): partitions run on this"
                    + " server's threads. Give the servers one PostgreSQL job repository (db.url) to spread them.");
            connectionFactory = null;
        }
    }

    /** Whether partitions are spread over the servers. */
    public boolean spreadsPartitions() {
        return connectionFactory != null;
    }

    Optional<ConnectionFactory> connectionFactory() {
        return Optional.ofNullable(connectionFactory);
    }

    Queue partitionQueue() {
        return partitionQueue;
    }
}
