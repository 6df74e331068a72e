package io.propertyimages.cluster;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Leases of a server that has its job repository to itself (H2): this JVM is the only holder there can be. */
public final class JvmLeases implements Leases {
    private final Set<LeaseKey> held = ConcurrentHashMap.newKeySet();

    @Override
    public boolean tryAcquire(LeaseKey key) {
        held.add(key);
        return true;
    }

    @Override
    public void release(LeaseKey key) {
        held.remove(key);
    }

    @Override
    public boolean holds(LeaseKey key) {
        return held.contains(key);
    }

    @Override
    public boolean isFree(LeaseKey key) {
        return !held.contains(key);
    }

    /** A lease held in this JVM is never lost while it runs. */
    @Override
    public void onLost(Consumer<LeaseKey> listener) {
    }
}
