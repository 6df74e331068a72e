package io.propertyimages.executions;

/** The job repository's records a purge deleted. */
public record PurgeResult(int jobInstances, int jobExecutions, int stepExecutions) {
}
