package io.propertyimages.batch.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.batch.runtime.BatchStatus;

/**
 * An execution's batch status as the job repository has it now, whichever server wrote it: JBeret's own view is this
 * JVM's copy, which no other server's change reaches.
 */
final class JobStatuses {
    private JobStatuses() {
    }

    static Optional<BatchStatus> of(DataSource dataSource, long jobExecutionId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT BATCHSTATUS FROM JOB_EXECUTION WHERE JOBEXECUTIONID = ?")) {
            select.setLong(1, jobExecutionId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(BatchStatus.valueOf(row.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the status of execution " + jobExecutionId + ": " + e.getMessage(), e);
        }
    }

    /** Whether the execution's partitions should go on: it is starting or started, not stopping or over. */
    static boolean goesOn(DataSource dataSource, long jobExecutionId) {
        return of(dataSource, jobExecutionId).map(s -> s == BatchStatus.STARTING || s == BatchStatus.STARTED).orElse(false);
    }
}
