package io.propertyimages.schedule;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a user asks for: a job, its parameters, and when to run it: a {@code cron} expression (in {@code zone}, else
 * the server's time zone) or every {@code intervalSeconds}. Exactly one of the two; see {@link ScheduleTiming}.
 */
public record ScheduleDefinition(String jobName, Map<String, String> jobParameters, String cron, String zone,
                                 Long intervalSeconds) {

    public ScheduleDefinition {
        jobParameters = Collections.unmodifiableMap(new TreeMap<>(jobParameters));
    }

    public ScheduleDefinition withJobParameters(Map<String, String> parameters) {
        return new ScheduleDefinition(jobName, parameters, cron, zone, intervalSeconds);
    }
}
