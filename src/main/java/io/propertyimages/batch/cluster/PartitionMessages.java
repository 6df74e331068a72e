package io.propertyimages.batch.cluster;

import java.io.Serializable;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;

import org.jberet.spi.PartitionInfo;

/**
 * The messages partitions travel by. A partition goes to the partition queue as JBeret's {@link PartitionInfo}, with
 * the attempt it is and, as its reply-to, the temporary queue its coordinator reads results from; the server that runs
 * it sends its collector data and, last, its partition execution there. They are not persistent: the job repository
 * says where each partition is ({@code PI_PARTITION_RUN}), so a message the messaging engine lost is sent again,
 * never needed again from a disk.
 */
final class PartitionMessages {
    static final String JOB_EXECUTION_ID = "jobExecutionId";
    static final String STEP_EXECUTION_ID = "stepExecutionId";
    static final String PARTITION = "partition";
    static final String ATTEMPT = "attempt";

    private PartitionMessages() {
    }

    static void sendPartition(JMSContext context, Queue queue, PartitionInfo partition, int attempt, Destination replyTo) {
        context.createProducer()
                .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .setJMSReplyTo(replyTo)
                .setProperty(JOB_EXECUTION_ID, partition.getJobExecution().getExecutionId())
                .setProperty(STEP_EXECUTION_ID, partition.getPartitionExecution().getStepExecutionId())
                .setProperty(PARTITION, partition.getPartitionExecution().getPartitionId())
                .setProperty(ATTEMPT, attempt)
                .send(queue, partition);
    }

    static void sendResult(JMSContext context, Destination coordinator, int partition, int attempt, Serializable result) {
        context.createProducer()
                .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .setProperty(PARTITION, partition)
                .setProperty(ATTEMPT, attempt)
                .send(coordinator, result);
    }

    /** Selects the message of one attempt of a partition, to see whether it still waits in the queue. */
    static String selectorOf(long stepExecutionId, int partition, int attempt) {
        return STEP_EXECUTION_ID + " = " + stepExecutionId + " AND " + PARTITION + " = " + partition + " AND "
                + ATTEMPT + " = " + attempt;
    }

    static int partitionOf(Message message) throws JMSException {
        return message.getIntProperty(PARTITION);
    }

    static int attemptOf(Message message) throws JMSException {
        return message.getIntProperty(ATTEMPT);
    }
}
