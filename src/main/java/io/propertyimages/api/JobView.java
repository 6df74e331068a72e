package io.propertyimages.api;

/** A job this server can run, and how often it has. */
public record JobView(String jobName, int numberOfJobInstances, long[] runningExecutions) {
}
