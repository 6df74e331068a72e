package io.propertyimages.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Leases as PostgreSQL session-level advisory locks ({@code pg_try_advisory_lock}), all held by one database session
 * of this server's: PostgreSQL releases them when that session ends, which it does the moment the server's process
 * dies (its socket closes) or, for a machine that vanished, once TCP keepalive gives up on it (set short on the
 * session: about 25 seconds). The session is owned by one thread, which runs every lock call in turn.
 * <p>
 * The session is checked every {@code checkEvery}. Should it have broken (the database restarted, the network
 * failed), a new one takes the leases again; those another server took meanwhile are lost, and the listeners hear
 * of each, so that the work they covered stops here.
 */
public final class AdvisoryLockLeases implements Leases, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AdvisoryLockLeases.class.getName());
    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    /** Opens a database connection that nothing else uses. */
    @FunctionalInterface
    public interface SessionOpener {
        Connection open() throws SQLException;
    }

    private final SessionOpener opener;
    private final ScheduledExecutorService sessionThread;
    private final Map<Long, LeaseKey> held = new ConcurrentHashMap<>();
    private final List<Consumer<LeaseKey>> lossListeners = new CopyOnWriteArrayList<>();
    private Connection session;

    public AdvisoryLockLeases(SessionOpener opener, ThreadFactory threadFactory, Duration checkEvery) {
        this.opener = opener;
        this.sessionThread = Executors.newSingleThreadScheduledExecutor(threadFactory);
        sessionThread.scheduleWithFixedDelay(this::checkSession, checkEvery.toMillis(), checkEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean tryAcquire(LeaseKey key) {
        if (held.containsKey(key.number())) {
            return true;
        }
        boolean acquired = onSession(() -> lock(key.number()));
        if (acquired) {
            held.put(key.number(), key);
        }
        return acquired;
    }

    @Override
    public void release(LeaseKey key) {
        if (held.remove(key.number()) != null) {
            onSession(() -> unlock(key.number()));
        }
    }

    @Override
    public boolean holds(LeaseKey key) {
        return held.containsKey(key.number());
    }

    @Override
    public boolean isFree(LeaseKey key) {
        if (holds(key)) {
            return false;
        }
        return onSession(() -> {
            boolean free = lock(key.number());
            if (free) {
                unlock(key.number());
            }
            return free;
        });
    }

    @Override
    public void onLost(Consumer<LeaseKey> listener) {
        lossListeners.add(listener);
    }

    /** Ends the session, and with it every lease this server holds. */
    @Override
    public void close() {
        sessionThread.submit(() -> {
            closeSession();
            held.clear();
        });
        sessionThread.shutdown();
    }

    private boolean lock(long key) throws SQLException {
        return call("pg_try_advisory_lock", key);
    }

    private boolean unlock(long key) throws SQLException {
        return call("pg_advisory_unlock", key);
    }

    private boolean call(String function, long key) throws SQLException {
        try (PreparedStatement statement = session().prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, key);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private Connection session() throws SQLException {
        if (session == null) {
            session = opener.open();
            session.setAutoCommit(true);
            // Short TCP keepalive on the database's side of this session: a machine that vanished loses its leases
            // in about 25 s instead of the system's two hours.
            try (Statement statement = session.createStatement()) {
                statement.execute("SET tcp_keepalives_idle = 10");
                statement.execute("SET tcp_keepalives_interval = 5");
                statement.execute("SET tcp_keepalives_count = 3");
            }
        }
        return session;
    }

    /** Runs on the session's thread: a broken session is replaced, and the leases held are taken again. */
    private void checkSession() {
        try {
            if (session != null && session.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return;
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "lease session check failed", e);
        }
        if (session == null && held.isEmpty()) {
            return;
        }
        LOG.warning("The database session that holds this server's leases broke; taking " + held.size() + " leases again");
        closeSession();
        for (LeaseKey key : Set.copyOf(held.values())) {
            boolean kept;
            try {
                kept = lock(key.number());
            } catch (SQLException e) {
                kept = false;
                LOG.log(Level.WARNING, "cannot take the lease on " + key + " again: " + e.getMessage());
                closeSession();
            }
            if (!kept) {
                held.remove(key.number());
                LOG.severe("Lease on " + key + " lost: the work it covered stops on this server");
                lossListeners.forEach(listener -> listener.accept(key));
            }
        }
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "closing the lease session", e);
            }
            session = null;
        }
    }

    /** Runs a database call on the session's thread, where the session lives. */
    private boolean onSession(Callable<Boolean> call) {
        try {
            return sessionThread.submit(() -> {
                try {
                    return call.call();
                } catch (SQLException e) {
                    closeSession();
                    throw e;
                }
            }).get();
        } catch (ExecutionException e) {
            throw new LeaseException("lease database call failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeaseException("interrupted while waiting for a lease call", e);
        }
    }
}
