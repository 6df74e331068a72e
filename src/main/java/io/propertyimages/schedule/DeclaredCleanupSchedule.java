package io.propertyimages.schedule;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * The schedule of {@code cleanup-images} that the server configuration declares with its {@code cleanup.schedule.*}
 * variables: off while the cron expression is empty, the default.
 */
@ApplicationScoped
public class DeclaredCleanupSchedule {
    /** The name it is stored under, shown as {@code declaredAs}. */
    static final String NAME = "cleanup.schedule";
    private static final String JOB_NAME = "cleanup-images";
    private static final List<String> JOB_PARAMETERS = List.of("maxAgeDays", "dryRun");

    @Inject
    Config config;

    /** @return the declared schedule, not yet checked; empty when it is off */
    public Optional<ScheduleDefinition> definition() {
        return definition(name -> config.getOptionalValue(NAME + "." + name, String.class).map(String::strip)
                .filter(value -> !value.isEmpty()).orElse(null));
    }

    /** @param settings a {@code cleanup.schedule.*} variable by its last part, null when empty */
    static Optional<ScheduleDefinition> definition(Function<String, String> settings) {
        String cron = settings.apply("cron");
        if (cron == null) {
            return Optional.empty();
        }
        Map<String, String> parameters = new TreeMap<>();
        for (String parameter : JOB_PARAMETERS) {
            String value = settings.apply(parameter);
            if (value != null) {
                parameters.put(parameter, value);
            }
        }
        return Optional.of(new ScheduleDefinition(JOB_NAME, parameters, cron, settings.apply("zone"), null));
    }
}
