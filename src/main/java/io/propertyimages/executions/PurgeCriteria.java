package io.propertyimages.executions;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import jakarta.batch.runtime.BatchStatus;

/** Which executions a purge removes: those of these (ended) batch statuses that ended before {@code endedBefore}. */
public record PurgeCriteria(Instant endedBefore, Set<BatchStatus> statuses) {
    /** The statuses of executions that have ended; only those may be purged. */
    public static final Set<BatchStatus> ENDED = Collections.unmodifiableSet(EnumSet.of(BatchStatus.COMPLETED,
            BatchStatus.FAILED, BatchStatus.STOPPED, BatchStatus.ABANDONED));

    public PurgeCriteria {
        if (statuses.isEmpty() || !ENDED.containsAll(statuses)) {
            throw new IllegalArgumentException("only executions that have ended can be purged: " + statuses);
        }
        statuses = Collections.unmodifiableSet(EnumSet.copyOf(statuses));
    }
}
