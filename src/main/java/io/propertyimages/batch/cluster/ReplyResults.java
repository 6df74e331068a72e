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
    private boolean unreachable;

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

    /** Sends a result, unless an earlier one of this attempt could not be sent: its coordinator is gone. */
    private void send(int partition, int attempt, Serializable result) {
        if (unreachable) {
            return;
        }
        try {
            PartitionMessages.sendResult(context, coordinator, partition, attempt, result);
        } catch (JMSRuntimeException e) {
            unreachable = true;
            LOG.warning(() -> "Cannot send partition " + partition + "'s results to its coordinator, which sends it no"
                    + " more: " + e.getMessage());
        }
    }
}
