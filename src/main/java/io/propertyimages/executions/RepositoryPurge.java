package io.propertyimages.executions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.batch.runtime.BatchStatus;

/**
 * Deletes old executions from JBeret's JDBC tables and ours, in one transaction: their partition and step executions,
 * the executions, then each of their job instances that has no execution left. JBeret's own PurgeBatchlet only
 * clears its caches for a JDBC repository, so this is plain SQL on the repository's DataSource. An execution is old
 * when it ended (or, without an end time, was last updated) before the criteria's time; executions that have not
 * ended are never selected.
 */
public final class RepositoryPurge {
    private static final String[] OUR_TABLES = {ExecutionTables.PROGRESS, ExecutionTables.FAILED_IMAGES, ExecutionTables.JOB_LOG,
            ExecutionTables.EXECUTION_SERVERS, ExecutionTables.PARTITION_RUNS};

    private final DataSource dataSource;

    public RepositoryPurge(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What was deleted: the execution ids, the ids of the job instances removed with them, and the counts. */
    public record Purged(List<Long> executionIds, List<Long> instanceIds, PurgeResult result) {
    }

    public Purged purge(PurgeCriteria criteria) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Purged purged = purge(connection, criteria);
                connection.commit();
                return purged;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static Purged purge(Connection connection, PurgeCriteria criteria) throws SQLException {
        List<Long> executionIds = new ArrayList<>();
        Set<Long> candidateInstances = new LinkedHashSet<>();
        String statuses = String.join(", ", criteria.statuses().stream().map(s -> "?").toList());
        try (PreparedStatement select = connection.prepareStatement("SELECT JOBEXECUTIONID, JOBINSTANCEID FROM JOB_EXECUTION"
                + " WHERE BATCHSTATUS IN (" + statuses + ") AND COALESCE(ENDTIME, LASTUPDATEDTIME, CREATETIME) < ?"
                + " ORDER BY JOBEXECUTIONID FOR UPDATE")) {
            int i = 1;
            for (BatchStatus status : criteria.statuses()) {
                select.setString(i++, status.name());
            }
            select.setTimestamp(i, Timestamp.from(criteria.endedBefore()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    executionIds.add(rows.getLong(1));
                    candidateInstances.add(rows.getLong(2));
                }
            }
        }
        for (String table : OUR_TABLES) {
            deleteEach(connection, "DELETE FROM " + table + " WHERE JOB_EXECUTION_ID = ?", executionIds);
        }
        deleteEach(connection, "DELETE FROM PARTITION_EXECUTION WHERE STEPEXECUTIONID IN"
                + " (SELECT STEPEXECUTIONID FROM STEP_EXECUTION WHERE JOBEXECUTIONID = ?)", executionIds);
        int steps = deleteEach(connection, "DELETE FROM STEP_EXECUTION WHERE JOBEXECUTIONID = ?", executionIds);
        int executions = deleteEach(connection, "DELETE FROM JOB_EXECUTION WHERE JOBEXECUTIONID = ?", executionIds);
        List<Long> instanceIds = new ArrayList<>();
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM JOB_INSTANCE WHERE JOBINSTANCEID = ?"
                + " AND NOT EXISTS (SELECT 1 FROM JOB_EXECUTION WHERE JOBINSTANCEID = ?)")) {
            for (long instanceId : candidateInstances) {
                delete.setLong(1, instanceId);
                delete.setLong(2, instanceId);
                if (delete.executeUpdate() > 0) {
                    instanceIds.add(instanceId);
                }
            }
        }
        return new Purged(executionIds, instanceIds, new PurgeResult(instanceIds.size(), executions, steps));
    }

    private static int deleteEach(Connection connection, String sql, List<Long> executionIds) throws SQLException {
        int deleted = 0;
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            for (long executionId : executionIds) {
                delete.setLong(1, executionId);
                deleted += delete.executeUpdate();
            }
        }
        return deleted;
    }
}
