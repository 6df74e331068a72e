package io.propertyimages.api;

/** A job instance: one logical run of a job, with its executions (the first and its restarts). */
public record JobInstanceView(long instanceId, String jobName, int numberOfExecutions, long latestJobExecutionId) {
}
