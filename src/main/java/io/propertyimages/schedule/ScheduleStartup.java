package io.propertyimages.schedule;

import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * When the application starts, after the batch runtime: brings the schedule the server configuration declares up to
 * date, then has every stored schedule wait for its next run, on this server as on any other on the same database.
 */
@ApplicationScoped
public class ScheduleStartup {
    private static final Logger LOG = Logger.getLogger(ScheduleStartup.class.getName());

    @Inject
    Scheduler scheduler;

    @Inject
    DeclaredCleanupSchedule declaredCleanup;

    @Inject
    ScheduleCheck rules;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) @Initialized(ApplicationScoped.class) Object started) {
        declare(DeclaredCleanupSchedule.NAME, declaredCleanup.definition());
        scheduler.startAll();
    }

    private void declare(String name, Optional<ScheduleDefinition> declared) {
        ScheduleStore store = scheduler.store();
        if (declared.isEmpty()) {
            store.undeclare(name);
            return;
        }
        try {
            ScheduleDefinition definition = rules.checked(declared.get());
            Instant firstRun = ScheduleTiming.of(definition, scheduler.serverZone()).firstRun(Instant.now());
            Schedule schedule = store.declare(name, definition, firstRun);
            LOG.info("Schedule " + schedule.id() + " declared as " + name + ": " + definition.jobName() + " at \""
                    + definition.cron() + "\", next run " + schedule.nextRun());
        } catch (IllegalArgumentException e) {
            store.undeclare(name);
            LOG.severe("The schedule that the server configuration declares as " + name + " is refused: " + e.getMessage());
        }
    }
}
