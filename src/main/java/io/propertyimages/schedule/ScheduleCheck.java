package io.propertyimages.schedule;

/**
 * Checks a schedule as a request to create it would be checked (a job the server has, valid timing, acceptable job
 * parameters); the server's REST API provides it, so that a schedule the configuration declares meets the same rules.
 */
public interface ScheduleCheck {
    /** @return the definition to store; @throws IllegalArgumentException naming what is wrong with it */
    ScheduleDefinition checked(ScheduleDefinition requested);
}
