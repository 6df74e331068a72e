package io.propertyimages.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schedule table on an in-memory H2; two stores on one database stand for two servers. */
class ScheduleStoreTest {
    private static final Instant SLOT = Instant.parse("2026-11-24T03:00:00Z");
    private static final Instant NEXT = Instant.parse("2026-11-25T03:00:00Z");
    private static final ScheduleDefinition NIGHTLY = new ScheduleDefinition("cleanup-images",
            Map.of("maxAgeDays", "14", "dryRun", "false"), "0 3 * * *", "America/Phoenix", null);

    private JdbcDataSource database;
    private ScheduleStore server1;
    private ScheduleStore server2;

    @BeforeEach
    void createDatabase() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:schedules-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        server1 = new ScheduleStore(database);
        server2 = new ScheduleStore(database);
        server1.createTableIfMissing();
        server2.createTableIfMissing();
    }

    @Test
    void storesAndReadsASchedule() {
        ScheduleDefinition everyMinute = new ScheduleDefinition("download-images",
                Map.of("input", "/data/in.json", "note", "quotes \" and \\ survive"), null, null, 60L);

        Schedule nightly = server1.insert(NIGHTLY, SLOT, null);
        Schedule minutely = server1.insert(everyMinute, SLOT.plusMillis(250), null);

        assertEquals(List.of(nightly, minutely), server2.findAll());
        assertEquals(everyMinute, server2.find(minutely.id()).orElseThrow().definition());
        assertEquals(SLOT.plusMillis(250), server2.find(minutely.id()).orElseThrow().nextRun());
        assertTrue(server2.find(987654).isEmpty());
    }

    @Test
    void ofTwoServersClaimingOneRunOnlyOneGetsIt() {
        long id = server1.insert(NIGHTLY, SLOT, null).id();

        assertTrue(server1.claim(id, SLOT, NEXT));
        assertFalse(server2.claim(id, SLOT, NEXT), "the run due at SLOT is taken");
        assertEquals(NEXT, server2.find(id).orElseThrow().nextRun());
        assertTrue(server2.claim(id, NEXT, NEXT.plusSeconds(86_400)), "the next run is anyone's");
    }

    @Test
    void ofManyServersRacingForOneRunExactlyOneGetsIt() throws Exception {
        long id = server1.insert(NIGHTLY, SLOT, null).id();
        int servers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(servers);
        CountDownLatch ready = new CountDownLatch(servers);
        List<Future<Boolean>> claims = new ArrayList<>();
        try {
            for (int i = 0; i < servers; i++) {
                ScheduleStore store = new ScheduleStore(database);
                Callable<Boolean> claim = () -> {
                    ready.countDown();
                    ready.await();
                    return store.claim(id, SLOT, NEXT);
                };
                claims.add(threads.submit(claim));
            }
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aDeletedScheduleCannotBeClaimed() {
        long id = server1.insert(NIGHTLY, SLOT, null).id();

        assertTrue(server2.delete(id));

        assertFalse(server1.claim(id, SLOT, NEXT));
        assertFalse(server1.delete(id));
        assertTrue(server1.findAll().isEmpty());
    }

    @Test
    void recordsTheLastExecutionOrWhyTheRunCouldNotStart() {
        long id = server1.insert(NIGHTLY, SLOT, null).id();

        server1.recordExecution(id, SLOT, 42);
        server1.recordFailure(id, NEXT, "cannot start cleanup-images: no such job");
        Schedule failed = server2.find(id).orElseThrow();
        server1.recordExecution(id, NEXT.plusSeconds(1), 43);
        Schedule recovered = server2.find(id).orElseThrow();

        assertEquals(NEXT, failed.lastRun());
        assertEquals(42L, failed.lastExecutionId(), "a failed run keeps the last execution");
        assertEquals("cannot start cleanup-images: no such job", failed.lastError());
        assertEquals(43L, recovered.lastExecutionId());
        assertNull(recovered.lastError());
    }

    @Test
    void aDeclaredScheduleIsCreatedOnceKeptWhileUnchangedAndRedefinedWhenChanged() {
        Schedule created = server1.declare("cleanup.schedule", NIGHTLY, SLOT);
        server1.recordExecution(created.id(), SLOT, 7);
        server1.claim(created.id(), SLOT, NEXT);

        Schedule restarted = server2.declare("cleanup.schedule", NIGHTLY, SLOT.plusSeconds(5));
        ScheduleDefinition weekly = new ScheduleDefinition("cleanup-images", Map.of("maxAgeDays", "30", "dryRun", "true"),
                "0 4 * * SUN", null, null);
        Schedule changed = server2.declare("cleanup.schedule", weekly, SLOT.plusSeconds(9));

        assertEquals("cleanup.schedule", created.declaredAs());
        assertEquals(created.id(), restarted.id());
        assertEquals(NEXT, restarted.nextRun(), "an unchanged declaration keeps its next run");
        assertEquals(7L, restarted.lastExecutionId());
        assertEquals(created.id(), changed.id());
        assertEquals(weekly, server1.find(created.id()).orElseThrow().definition());
        assertEquals(SLOT.plusSeconds(9), server1.find(created.id()).orElseThrow().nextRun());
        assertEquals(7L, server1.find(created.id()).orElseThrow().lastExecutionId());
        assertEquals(1, server1.findAll().size());
    }

    @Test
    void undeclaringRemovesOnlyTheDeclaredSchedule() {
        Schedule own = server1.insert(NIGHTLY, SLOT, null);
        Schedule declared = server1.declare("cleanup.schedule", NIGHTLY, SLOT);
        assertNotEquals(own.id(), declared.id());

        server2.undeclare("cleanup.schedule");
        server2.undeclare("cleanup.schedule");

        assertEquals(List.of(own), server1.findAll());
    }
}
