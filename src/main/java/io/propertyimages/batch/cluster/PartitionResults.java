package io.propertyimages.batch.cluster;

import java.io.Serializable;

import org.jberet.runtime.PartitionExecutionImpl;

/** Where an attempt of a partition reports to: its coordinator, in this JVM or over messaging. */
interface PartitionResults {
    /** The collector's data after a chunk (the step's analyzer adds it up). */
    void collected(int partition, int attempt, Serializable data);

    /** The attempt ended; {@code execution} holds its batch and exit status. */
    void ended(int partition, int attempt, PartitionExecutionImpl execution);
}
