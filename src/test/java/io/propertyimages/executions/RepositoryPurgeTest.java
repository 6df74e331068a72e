package io.propertyimages.executions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import jakarta.batch.runtime.BatchStatus;

import org.h2.jdbcx.JdbcDataSource;
import org.jberet.repository.JdbcRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The purge's SQL on a real H2 with JBeret's own tables (created by its JdbcRepository) and ours. */
class RepositoryPurgeTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Instant CUTOFF = NOW.minus(Duration.ofDays(30));

    private JdbcDataSource dataSource;

    @BeforeEach
    void repository() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:purge-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        new JdbcRepository(dataSource);
        ExecutionTables tables = new ExecutionTables();
        tables.dataSource = dataSource;
        tables.create(null);
    }

    @Test
    void removesExactlyTheEndedExecutionsOfTheStatusesOlderThanTheCutoffWithTheirRecords() throws SQLException {
        long oldInstance = instance();
        long oldCompleted = execution(oldInstance, "COMPLETED", days(40));
        long oldFailed = execution(oldInstance, "FAILED", days(35));
        long mixedInstance = instance();
        long oldStopped = execution(mixedInstance, "STOPPED", days(31));
        long recentRestart = execution(mixedInstance, "COMPLETED", days(1));
        long runningInstance = instance();
        long oldRunning = execution(runningInstance, "STARTED", days(60));
        long abandonedInstance = instance();
        long oldAbandonedKept = execution(abandonedInstance, "ABANDONED", days(90));

        PurgeResult result = new RepositoryPurge(dataSource).purge(new PurgeCriteria(CUTOFF,
                EnumSet.of(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED))).result();

        assertEquals(new PurgeResult(1, 3, 3), result, "executions " + List.of(oldCompleted, oldFailed, oldStopped) + " and their steps");
        assertEquals(List.of(recentRestart, oldRunning, oldAbandonedKept), ids("SELECT JOBEXECUTIONID FROM JOB_EXECUTION ORDER BY 1"));
        assertEquals(List.of(mixedInstance, runningInstance, abandonedInstance), ids("SELECT JOBINSTANCEID FROM JOB_INSTANCE ORDER BY 1"),
                "the instance of the purged executions only is gone; the one with a recent restart stays");
        assertEquals(List.of(recentRestart, oldRunning, oldAbandonedKept), ids("SELECT JOBEXECUTIONID FROM STEP_EXECUTION ORDER BY 1"));
        assertEquals(3, ids("SELECT STEPEXECUTIONID FROM PARTITION_EXECUTION").size());
        for (String table : List.of(ExecutionTables.PROGRESS, ExecutionTables.FAILED_IMAGES, ExecutionTables.JOB_LOG)) {
            assertEquals(List.of(recentRestart, oldRunning, oldAbandonedKept),
                    ids("SELECT JOB_EXECUTION_ID FROM " + table + " ORDER BY 1"), table);
        }
    }

    @Test
    void anExecutionWithoutAnEndTimeIsAsOldAsItsLastUpdate() throws SQLException {
        long instance = instance();
        long abandoned = execution(instance, "ABANDONED", days(10));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE JOB_EXECUTION SET ENDTIME = NULL WHERE JOBEXECUTIONID = ?")) {
            update.setLong(1, abandoned);
            update.executeUpdate();
        }

        assertEquals(new PurgeResult(0, 0, 0), new RepositoryPurge(dataSource).purge(
                new PurgeCriteria(NOW.minus(Duration.ofDays(11)), PurgeCriteria.ENDED)).result());
        assertEquals(new PurgeResult(1, 1, 1), new RepositoryPurge(dataSource).purge(
                new PurgeCriteria(NOW.minus(Duration.ofDays(9)), PurgeCriteria.ENDED)).result());
    }

    private static Instant days(int ago) {
        return NOW.minus(Duration.ofDays(ago));
    }

    private long instance() throws SQLException {
        return insert("INSERT INTO JOB_INSTANCE (JOBNAME, APPLICATIONNAME) VALUES ('download-images', 'property-images')");
    }

    /** An execution that ended at {@code endedAt}, with a step, a partition and a row in each of our tables. */
    private long execution(long instanceId, String status, Instant endedAt) throws SQLException {
        Timestamp ended = Timestamp.from(endedAt);
        long execution = insert("INSERT INTO JOB_EXECUTION (JOBINSTANCEID, CREATETIME, STARTTIME, ENDTIME, LASTUPDATEDTIME, BATCHSTATUS)"
                + " VALUES (" + instanceId + ", ?, ?, ?, ?, '" + status + "')", ended, ended, ended, ended);
        long step = insert("INSERT INTO STEP_EXECUTION (JOBEXECUTIONID, STEPNAME, BATCHSTATUS) VALUES (" + execution
                + ", 'downloadImages', '" + status + "')");
        insert("INSERT INTO PARTITION_EXECUTION (PARTITIONEXECUTIONID, STEPEXECUTIONID, BATCHSTATUS) VALUES (0, " + step + ", '" + status + "')");
        insert("INSERT INTO " + ExecutionTables.PROGRESS + " VALUES (" + execution + ", " + instanceId + ", 1, 1, 0, 0, 10, ?, ?)", ended, ended);
        insert("INSERT INTO " + ExecutionTables.FAILED_IMAGES + " (JOB_EXECUTION_ID, URL, ADDRESS, POSITION, REASON, ATTEMPTS, FAILED_AT)"
                + " VALUES (" + execution + ", 'u', 'a', 1, 'r', 1, ?)", ended);
        insert("INSERT INTO " + ExecutionTables.JOB_LOG + " (JOB_EXECUTION_ID, LOGGED_AT, LEVEL, MESSAGE) VALUES (" + execution
                + ", ?, 'INFO', 'Started')", ended);
        return execution;
    }

    private long insert(String sql, Timestamp... times) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < times.length; i++) {
                insert.setTimestamp(i + 1, times[i]);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        }
    }

    private List<Long> ids(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<Long> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            return ids;
        }
    }
}
