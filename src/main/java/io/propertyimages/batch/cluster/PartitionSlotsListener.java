package io.propertyimages.batch.cluster;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Opens this server's partition slots once the application is ready to run partitions: declared in web.xml after the
 * ImageIO plugins' listener, so that the first partition taken finds its image readers.
 */
public final class PartitionSlotsListener implements ServletContextListener {
    @Inject
    PartitionSlots slots;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        slots.open();
    }
}
