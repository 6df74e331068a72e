package io.propertyimages.executions;

import java.time.Instant;

/**
 * One partition of a step execution as the servers hand it about: its current {@code attempt} (a partition sent again
 * after its server died gets a new one, so that a stale message is recognised), whether it waits for a server, runs
 * on one or is done, and the server that runs or ran it.
 */
public record PartitionRun(long stepExecutionId, int partition, long jobExecutionId, int attempt, State state,
                           String serverId, Instant updatedAt) {

    public enum State {
        /** Sent to the servers; no server has taken it up yet. */
        QUEUED,
        RUNNING,
        DONE
    }
}
