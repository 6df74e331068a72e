package io.propertyimages.executions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.propertyimages.executions.PartitionRun.State;

/** Partitions changing hands between servers, on an in-memory H2, as the coordinator and the servers' slots race. */
class PartitionRunsTest {
    private final PartitionRuns runs = new PartitionRuns();

    @BeforeEach
    void createTables() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ExecutionTables tables = new ExecutionTables();
        tables.dataSource = dataSource;
        tables.create(null);
        runs.dataSource = dataSource;
    }

    @Test
    void ofServersClaimingOneQueuedAttemptAtOnceExactlyOneGetsIt() throws Exception {
        runs.add(7, 70, 3, null);

        List<Boolean> claims = race(8, i -> runs.claim(70, 3, 1, "server-" + i));

        assertEquals(1, claims.stream().filter(Boolean::booleanValue).count(), claims.toString());
        PartitionRun run = runs.find(70, 3).orElseThrow();
        assertEquals(State.RUNNING, run.state());
        assertEquals("server-" + claims.indexOf(true), run.serverId());
    }

    @Test
    void aCoordinatorSendingAPartitionAgainAndAServerTakingUpTheOldAttemptDoNotBothWin() throws Exception {
        runs.add(7, 70, 0, null);

        List<Boolean> outcomes = race(2, i -> i == 0 ? runs.requeue(70, 0, 1, State.QUEUED) : runs.claim(70, 0, 1, "late"));

        assertEquals(1, outcomes.stream().filter(Boolean::booleanValue).count(), outcomes.toString());
        PartitionRun run = runs.find(70, 0).orElseThrow();
        if (outcomes.get(0)) {
            assertEquals(2, run.attempt(), "queued again as the next attempt");
            assertEquals(State.QUEUED, run.state());
            assertFalse(runs.claim(70, 0, 1, "late"), "the old attempt's message is stale now");
            assertTrue(runs.claim(70, 0, 2, "next"));
        } else {
            assertEquals(State.RUNNING, run.state());
            assertFalse(runs.requeue(70, 0, 1, State.QUEUED), "taken up: not queued again");
        }
    }

    @Test
    void aPartitionWhoseServerDiedIsTakenOverAsItsNextAttemptAndEndsDone() {
        runs.add(7, 70, 1, null);
        assertTrue(runs.claim(70, 1, 1, "dead"));

        assertTrue(runs.takeOver(70, 1, 1, State.RUNNING, "coordinator"));
        assertFalse(runs.takeOver(70, 1, 1, State.RUNNING, "another"), "an attempt is taken over once");
        runs.done(70, 1, 1);
        assertEquals(State.RUNNING, runs.find(70, 1).orElseThrow().state(), "the dead server's attempt ends nothing");
        runs.done(70, 1, 2);

        PartitionRun run = runs.find(70, 1).orElseThrow();
        assertEquals(List.of(2, "coordinator", State.DONE), List.of(run.attempt(), run.serverId(), run.state()));
        assertEquals(List.of(run), runs.ofExecution(7));
    }

    private static List<Boolean> race(int contenders, IntCall call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(contenders);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                int contender = i;
                futures.add(threads.submit((Callable<Boolean>) () -> {
                    start.await();
                    return call.apply(contender);
                }));
            }
            start.countDown();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface IntCall {
        boolean apply(int contender);
    }
}
