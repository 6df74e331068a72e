package io.propertyimages.executions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The URLs that failed in each execution, in the order they failed. Manifests keep only the latest state of each
 * property; this keeps what happened in every execution.
 */
@ApplicationScoped
public class FailedImageStore {
    static final int MAX_URL = 8192;
    static final int MAX_ADDRESS = 2048;
    static final int MAX_REASON = 4096;

    @Resource(lookup = "jdbc/jobRepository")
    DataSource dataSource;

    public void add(long executionId, FailedImage failure) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + ExecutionTables.FAILED_IMAGES
                     + " (JOB_EXECUTION_ID, URL, ADDRESS, POSITION, REASON, ATTEMPTS, FAILED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, executionId);
            insert.setString(2, cut(failure.url(), MAX_URL));
            insert.setString(3, cut(failure.address(), MAX_ADDRESS));
            insert.setInt(4, failure.position());
            insert.setString(5, cut(failure.reason(), MAX_REASON));
            insert.setInt(6, failure.attempts());
            insert.setTimestamp(7, Timestamp.from(failure.failedAt()));
            insert.executeUpdate();
        }
    }

    public long count(long executionId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM " + ExecutionTables.FAILED_IMAGES
                     + " WHERE JOB_EXECUTION_ID = ?")) {
            select.setLong(1, executionId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw unreadable(executionId, e);
        }
    }

    /** Up to {@code count} failures of the execution, from the {@code start}-th (0-based), oldest first. */
    public List<FailedImage> page(long executionId, long start, int count) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT URL, ADDRESS, POSITION, REASON, ATTEMPTS, FAILED_AT FROM "
                     + ExecutionTables.FAILED_IMAGES + " WHERE JOB_EXECUTION_ID = ? ORDER BY ID OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            select.setLong(1, executionId);
            select.setLong(2, start);
            select.setInt(3, count);
            List<FailedImage> failures = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    failures.add(new FailedImage(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getString(4),
                            rows.getInt(5), rows.getTimestamp(6).toInstant()));
                }
            }
            return failures;
        } catch (SQLException e) {
            throw unreadable(executionId, e);
        }
    }

    private static IllegalStateException unreadable(long executionId, SQLException e) {
        return new IllegalStateException("cannot read the failures of execution " + executionId + ": " + e.getMessage(), e);
    }

    /** A failure is recorded even when its text is longer than its column. */
    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
