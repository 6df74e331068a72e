package io.propertyimages.batch.cluster;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.jms.JMSRuntimeException;

import org.jberet.runtime.context.StepContextImpl;
import org.jberet.runtime.runner.StepExecutionRunner;
import org.jberet.runtime.runner.ThreadPartitionHandlerFactory;
import org.jberet.spi.PartitionHandler;
import org.jberet.spi.PartitionHandlerFactory;

/**
 * JBeret's partition SPI, found by {@code ServiceLoader} ({@code META-INF/services}): a partitioned step's partitions
 * go to whichever server has room when this server spreads partitions over messaging
 * ({@link MessagingPartitionHandler}), and run on this server's own threads otherwise, as JBeret does by default, or
 * while messaging cannot be reached.
 */
public final class DistributedPartitionHandlerFactory implements PartitionHandlerFactory {
    private static final Logger LOG = Logger.getLogger(DistributedPartitionHandlerFactory.class.getName());

    @Override
    public PartitionHandler createPartitionHandler(StepContextImpl stepContext, StepExecutionRunner stepExecutionRunner) {
        PartitionServices services = CDI.current().select(PartitionServices.class).get();
        if (services.spreadsPartitions()) {
            try {
                return new MessagingPartitionHandler(stepContext, services);
            } catch (JMSRuntimeException e) {
                long executionId = stepContext.getJobContext().getExecutionId();
                LOG.log(Level.WARNING, "Execution " + executionId + ": messaging is unreachable, so its partitions run on"
                        + " this server: " + e.getMessage(), e);
                services.log().warning(executionId, "Messaging is unreachable (" + e.getMessage()
                        + "): the partitions run on server " + services.serverId());
            }
        }
        return ThreadPartitionHandlerFactory.getInstance().createPartitionHandler(stepContext, stepExecutionRunner);
    }
}
