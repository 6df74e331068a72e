package io.propertyimages.cluster;

import java.util.function.Consumer;

/**
 * Leases that servers sharing a job repository take on executions, partitions and folders: at most one server holds a
 * lease at a time, and a lease ends when its holder releases it or dies. Who holds what is the database's to say, so a
 * server that is gone never holds anything: no clock, no timeout, no heartbeat of its own decides that.
 */
public interface Leases {
    /** Takes the lease unless another server holds it; true when this server holds it now (also when it already did). */
    boolean tryAcquire(LeaseKey key);

    /** Gives the lease up, if this server holds it. */
    void release(LeaseKey key);

    /** Whether this server holds the lease. */
    boolean holds(LeaseKey key);

    /** Whether no server holds the lease, this one included. */
    boolean isFree(LeaseKey key);

    /** Called with each lease this server held and lost: its database session ended and another server took the lease. */
    void onLost(Consumer<LeaseKey> listener);
}
