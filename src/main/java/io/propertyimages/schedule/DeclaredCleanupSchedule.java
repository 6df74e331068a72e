package io.propertyimages.schedule;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;

import jakarta.enterprise.context.ApplicationScoped;

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

    /** @return the declared schedule, not yet checked; empty when it is off */
    public Optional<ScheduleDefinition> definition() {
        return definition(DeclaredCleanupSchedule::setting);
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

    /**
     * The jndiEntry {@code propertyimages/cleanup.schedule.NAME} as text, null when empty: Liberty binds no entry for
     * an empty value, and hands the others over as a String, Boolean or number after their look.
     */
    private static String setting(String name) {
        String jndiName = "propertyimages/" + NAME + "." + name;
        try {
            String text = String.valueOf((Object) InitialContext.doLookup(jndiName)).strip();
            return text.isEmpty() ? null : text;
        } catch (NameNotFoundException e) {
            return null;
        } catch (NamingException e) {
            throw new IllegalStateException("cannot read " + jndiName + ": " + e.getMessage(), e);
        }
    }
}
