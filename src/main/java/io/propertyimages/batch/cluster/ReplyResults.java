package io.propertyimages.batch.cluster;

import java.io.Serializable;
import java.util.logging.Logger;

import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;

import org.jberet.runtime.PartitionExecutionImpl;

/**
 * Results of a partition that runs for a coordinator on another server, sent to its temporary queue. A result that
 * cannot be sent does not fail the partition: what the partition did is in the job repository, where the coordinator
 * finds its end, and a coordinator whose queue is gone has died, its execution taken over by another server.
 */
final class ReplyResults implements PartitionResults {
    private static final Logger LOG = Logger.getLogger(ReplyResults.class.getName());

    private final JMSContext context;
    private final Destination coordinator;

    ReplyResults(JMSContext context, Destination coordinator) {
        this.context = context;
        this.coordinator = coordinator;
    }

    @Override
    public void collected(int partition, int attempt, Serializable data) {
        send(partition, attempt, data);
    }

    @Override
    public void ended(int partition, int attempt, PartitionExecutionImpl execution) {
        send(partition, attempt, execution);
    }

    private void send(int partition, int attempt, Serializable result) {
        try {
            PartitionMessages.sendResult(context, coordinator, partition, attempt, result);
        } catch (JMSRuntimeException e) {
            LOG.warning(() -> "Cannot send partition " + partition + "'s result to its coordinator: " + e.getMessage());
        }
    }
}
