package io.propertyimages.api;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;

import io.propertyimages.schedule.ScheduleCheck;
import io.propertyimages.schedule.ScheduleDefinition;
import io.propertyimages.schedule.ScheduleTiming;
import io.propertyimages.schedule.Scheduler;

/**
 * Checks a schedule before it is stored, as a start request is checked: a job this server has, a valid cron
 * expression or interval, and job parameters that {@link JobParameterRules} accept (kept as it resolves them).
 */
@ApplicationScoped
public class ScheduleRules implements ScheduleCheck {
    @Inject
    JobCatalog catalog;

    @Inject
    JobParameterRules rules;

    @Inject
    Scheduler scheduler;

    /** @return the definition to store; @throws ApiException 400 naming the problem */
    public ScheduleDefinition check(ScheduleDefinition requested) {
        String jobName = requested.jobName();
        if (jobName == null || jobName.isBlank()) {
            throw badRequest("\"jobName\" is missing; jobs: " + String.join(", ", catalog.jobNames()));
        }
        if (!catalog.jobNames().contains(jobName)) {
            throw badRequest("no job named \"" + jobName + "\"; jobs: " + String.join(", ", catalog.jobNames()));
        }
        try {
            ScheduleTiming.of(requested, scheduler.serverZone());
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
        Properties parameters = new Properties();
        parameters.putAll(requested.jobParameters());
        Properties checked = rules.check(jobName, parameters);
        Map<String, String> stored = new TreeMap<>();
        checked.stringPropertyNames().forEach(name -> stored.put(name, checked.getProperty(name)));
        return requested.withJobParameters(stored);
    }

    /** The same check for a schedule that does not come from a request: a refusal is an IllegalArgumentException. */
    @Override
    public ScheduleDefinition checked(ScheduleDefinition requested) {
        try {
            return check(requested);
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static ApiException badRequest(String message) {
        return new ApiException(Status.BAD_REQUEST, message);
    }
}
