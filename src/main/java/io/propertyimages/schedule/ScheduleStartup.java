package io.propertyimages.schedule;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * When the application starts, after the batch runtime: has every stored schedule wait for its next run, on this
 * server as on any other on the same database.
 */
@ApplicationScoped
public class ScheduleStartup {
    @Inject
    Scheduler scheduler;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) @Initialized(ApplicationScoped.class) Object started) {
        scheduler.startAll();
    }
}
