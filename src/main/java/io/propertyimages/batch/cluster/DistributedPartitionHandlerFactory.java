package io.propertyimages.batch.cluster;

import jakarta.enterprise.inject.spi.CDI;

import org.jberet.runtime.context.StepContextImpl;
import org.jberet.runtime.runner.StepExecutionRunner;
import org.jberet.runtime.runner.ThreadPartitionHandlerFactory;
import org.jberet.spi.PartitionHandler;
import org.jberet.spi.PartitionHandlerFactory;

/**
 * JBeret's partition SPI, found by {@code ServiceLoader} ({@code META-INF/services}): a partitioned step's partitions
 * go to whichever server has room when this server spreads partitions over messaging
 * ({@link MessagingPartitionHandler}), and run on this server's own threads otherwise, as JBeret does by default.
 */
public final class DistributedPartitionHandlerFactory implements PartitionHandlerFactory {
    @Override
    public PartitionHandler createPartitionHandler(StepContextImpl stepContext, StepExecutionRunner stepExecutionRunner) {
        PartitionServices services = CDI.current().select(PartitionServices.class).get();
        if (services.spreadsPartitions()) {
            return new MessagingPartitionHandler(stepContext, services);
        }
        return ThreadPartitionHandlerFactory.getInstance().createPartitionHandler(stepContext, stepExecutionRunner);
    }
}
