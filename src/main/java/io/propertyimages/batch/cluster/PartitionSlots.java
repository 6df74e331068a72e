package io.propertyimages.batch.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jberet.spi.PartitionInfo;

/**
 * This server's share of the partitions of every server's executions: {@code cluster.partitions.max} slots, each
 * taking one partition at a time from the partition queue and running it to its end before it takes the next, so that
 * a server never runs more partitions at once than it has slots. A slot whose messaging connection breaks waits and
 * connects again.
 */
@ApplicationScoped
public class PartitionSlots {
    private static final Logger LOG = Logger.getLogger(PartitionSlots.class.getName());
    private static final long RECEIVE_MILLIS = 1000;
    private static final Duration FIRST_RECONNECT_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_RECONNECT_WAIT = Duration.ofSeconds(30);

    @Inject
    PartitionServices services;

    @Inject
    @ConfigProperty(name = "cluster.partitions.max")
    int slots;

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    /** Opens the slots, when this server spreads partitions. */
    public void open() {
        if (!services.spreadsPartitions()) {
            return;
        }
        for (int i = 1; i <= slots; i++) {
            Thread thread = services.threadFactory().newThread(this::takePartitions);
            thread.setName("partition-slot-" + i);
            threads.add(thread);
            thread.start();
        }
        LOG.info("Server " + services.serverId() + " takes up to " + slots + " partitions at once from the partition queue");
    }

    void close(@Observes(notifyObserver = Reception.IF_EXISTS) @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        this.stopping = true;
        threads.forEach(Thread::interrupt);
    }

    private void takePartitions() {
        Duration wait = FIRST_RECONNECT_WAIT;
        while (!stopping) {
            try (JMSContext context = services.connectionFactory().createContext();
                 JMSConsumer consumer = context.createConsumer(services.partitionQueue())) {
                wait = FIRST_RECONNECT_WAIT;
                while (!stopping) {
                    Message message = consumer.receive(RECEIVE_MILLIS);
                    if (message != null) {
                        run(message, context);
                    }
                }
            } catch (JMSRuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.log(Level.WARNING, "Partition queue unreachable; trying again in " + wait.toSeconds() + " s: " + e.getMessage());
                if (!sleep(wait)) {
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(LONGEST_RECONNECT_WAIT) > 0 ? LONGEST_RECONNECT_WAIT : wait.multipliedBy(2);
            }
        }
    }

    private void run(Message message, JMSContext context) {
        try {
            PartitionInfo partition = message.getBody(PartitionInfo.class);
            services.attempts().runFromQueue(partition, PartitionMessages.attemptOf(message),
                    new ReplyResults(context, message.getJMSReplyTo()));
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot run the partition of a message; its coordinator sends it again: " + e.getMessage(), e);
        }
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
