package io.propertyimages.executions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Each execution's progress, in the job repository's DataSource: its total, known once the input is read, and its
 * counts, added to by each partition after every chunk it commits, on whatever server it runs, so it reads the same
 * while the execution runs, after it ended, and after a server that ran it died.
 */
@ApplicationScoped
public class ExecutionProgressStore {
    @Resource(lookup = "jdbc/jobRepository")
    DataSource dataSource;

    private final Clock clock = Clock.systemUTC();

    /**
     * Records that an execution has {@code inputUrls} to go through. A restart handles only the URLs its job
     * instance's earlier executions did not, so those are taken off its total.
     */
    public void begin(long executionId, long instanceId, long inputUrls) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection connection = dataSource.getConnection()) {
            long doneBefore;
            try (PreparedStatement earlier = connection.prepareStatement("SELECT COALESCE(SUM(DOWNLOADED + CACHED + FAILED), 0) FROM "
                    + ExecutionTables.PROGRESS + " WHERE JOB_INSTANCE_ID = ? AND JOB_EXECUTION_ID < ?")) {
                earlier.setLong(1, instanceId);
                earlier.setLong(2, executionId);
                try (ResultSet rows = earlier.executeQuery()) {
                    rows.next();
                    doneBefore = rows.getLong(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + ExecutionTables.PROGRESS
                    + " (JOB_EXECUTION_ID, JOB_INSTANCE_ID, TOTAL, DOWNLOADED, CACHED, FAILED, BYTES_WRITTEN, STARTED_AT, UPDATED_AT)"
                    + " VALUES (?, ?, ?, 0, 0, 0, 0, ?, ?)")) {
                insert.setLong(1, executionId);
                insert.setLong(2, instanceId);
                insert.setLong(3, Math.max(0, inputUrls - doneBefore));
                insert.setTimestamp(4, now);
                insert.setTimestamp(5, now);
                insert.executeUpdate();
            }
        }
    }

    /** Adds what a partition did in a chunk to the execution's counts, in one statement, beside other partitions' additions. */
    public void add(long executionId, long downloaded, long cached, long failed, long bytes) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + ExecutionTables.PROGRESS
                     + " SET DOWNLOADED = DOWNLOADED + ?, CACHED = CACHED + ?, FAILED = FAILED + ?,"
                     + " BYTES_WRITTEN = BYTES_WRITTEN + ?, UPDATED_AT = ? WHERE JOB_EXECUTION_ID = ?")) {
            update.setLong(1, downloaded);
            update.setLong(2, cached);
            update.setLong(3, failed);
            update.setLong(4, bytes);
            update.setTimestamp(5, Timestamp.from(clock.instant()));
            update.setLong(6, executionId);
            update.executeUpdate();
        }
    }

    /**
     * The execution's progress, its rate measured up to now while it runs, up to its last saved chunk once it has
     * ended; empty before its input was read or for a job that does not record progress.
     */
    public Optional<ExecutionProgress> find(long executionId, boolean ended) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT TOTAL, DOWNLOADED, CACHED, FAILED, BYTES_WRITTEN,"
                     + " STARTED_AT, UPDATED_AT FROM " + ExecutionTables.PROGRESS + " WHERE JOB_EXECUTION_ID = ?")) {
            select.setLong(1, executionId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Instant until = ended ? row.getTimestamp(7).toInstant() : clock.instant();
                return Optional.of(ExecutionProgress.of(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getLong(5), row.getTimestamp(6).toInstant(), until));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the progress of execution " + executionId + ": " + e.getMessage(), e);
        }
    }
}
