package io.propertyimages.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.propertyimages.testing.PostgresServer;

/** Leases of two "servers", each with its own database session, on a throwaway PostgreSQL. */
class AdvisoryLockLeasesIT {
    private static PostgresServer postgres;
    private static String url;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start(Path.of("target/it-postgres-leases"));
        url = postgres.createDatabase("leases");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void aLeaseIsOneServersUntilItReleasesItOrItsSessionEnds() throws Exception {
        AtomicReference<Connection> sessionOfA = new AtomicReference<>();
        CountDownLatch never = new CountDownLatch(1);
        LeaseKey execution = LeaseKey.execution(42);
        try (AdvisoryLockLeases a = leases(sessionOfA, never); AdvisoryLockLeases b = leases(new AtomicReference<>(), null)) {
            assertTrue(a.tryAcquire(execution));
            assertTrue(a.tryAcquire(execution), "again: A holds it");
            assertTrue(a.holds(execution));
            assertFalse(a.isFree(execution), "not free for its holder either");
            assertFalse(b.tryAcquire(execution), "B cannot take A's lease");
            assertFalse(b.isFree(execution));

            a.release(execution);
            assertTrue(b.isFree(execution), "released once, however often A took it");
            assertTrue(b.tryAcquire(execution));
            b.release(execution);

            assertTrue(a.tryAcquire(execution));
            terminate(sessionOfA.get());
            assertTrue(awaitFree(b, execution), "the lease ends with A's session, as when A's process dies");
            never.countDown();
        }
    }

    @Test
    void aServerWhoseSessionBrokeTakesItsLeasesAgainAndHearsOfThoseAnotherTookMeanwhile() throws Exception {
        AtomicReference<Connection> sessionOfA = new AtomicReference<>();
        LeaseKey kept = LeaseKey.partition(7, "downloadImages", 0);
        LeaseKey taken = LeaseKey.partition(7, "downloadImages", 1);
        List<LeaseKey> lost = new CopyOnWriteArrayList<>();
        CountDownLatch reconnect = new CountDownLatch(1);
        try (AdvisoryLockLeases a = leases(sessionOfA, reconnect); AdvisoryLockLeases b = leases(new AtomicReference<>(), null)) {
            a.onLost(lost::add);
            assertTrue(a.tryAcquire(kept));
            assertTrue(a.tryAcquire(taken));
            terminate(sessionOfA.get());
            assertTrue(awaitFree(b, taken));
            assertTrue(b.tryAcquire(taken), "B takes one of A's leases while A has no session");
            reconnect.countDown();

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (lost.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(List.of(taken), lost, "A hears it lost the lease B took");
            assertTrue(a.holds(kept), "and holds the other again, in its new session");
            assertFalse(b.isFree(kept));
            assertFalse(a.holds(taken));
        }
    }

    /**
     * Leases checked every 200 ms, on sessions that {@code session} names; once one was opened, the next waits for
     * {@code reconnect} (if not null), as a server cut off from its database, or dead, would.
     */
    private static AdvisoryLockLeases leases(AtomicReference<Connection> session, CountDownLatch reconnect) {
        return new AdvisoryLockLeases(() -> {
            if (session.get() != null && reconnect != null) {
                try {
                    reconnect.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted", e);
                }
            }
            Connection connection = DriverManager.getConnection(url, PostgresServer.USER, "");
            session.set(connection);
            return connection;
        }, Executors.defaultThreadFactory(), Duration.ofMillis(200));
    }

    /** Ends the session on the database's side, as PostgreSQL does when the socket of a dead process closes. */
    private static void terminate(Connection session) throws SQLException {
        int pid;
        try (PreparedStatement select = session.prepareStatement("SELECT pg_backend_pid()");
             ResultSet row = select.executeQuery()) {
            row.next();
            pid = row.getInt(1);
        }
        try (Connection admin = DriverManager.getConnection(url, PostgresServer.USER, "");
             PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
            kill.setInt(1, pid);
            kill.execute();
        }
    }

    private static boolean awaitFree(AdvisoryLockLeases leases, LeaseKey key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (leases.isFree(key)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
