package io.propertyimages.executions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which server runs each execution: the one that started it, or the one that took it over from a server that died.
 * What it records is for people to read; whether that server is alive is for its lease to say.
 */
@ApplicationScoped
public class ExecutionServers {
    static final int MAX_SERVER_ID = 255;

    @Resource(lookup = "jdbc/jobRepository")
    DataSource dataSource;

    private final Clock clock = Clock.systemUTC();

    public void record(long executionId, String serverId) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + ExecutionTables.EXECUTION_SERVERS
                    + " SET SERVER_ID = ?, SINCE = ? WHERE JOB_EXECUTION_ID = ?")) {
                update.setString(1, FailedImageStore.cut(serverId, MAX_SERVER_ID));
                update.setTimestamp(2, Timestamp.from(clock.instant()));
                update.setLong(3, executionId);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + ExecutionTables.EXECUTION_SERVERS
                    + " (JOB_EXECUTION_ID, SERVER_ID, SINCE) VALUES (?, ?, ?)")) {
                insert.setLong(1, executionId);
                insert.setString(2, FailedImageStore.cut(serverId, MAX_SERVER_ID));
                insert.setTimestamp(3, Timestamp.from(clock.instant()));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the server of execution " + executionId + ": " + e.getMessage(), e);
        }
    }

    public Optional<String> serverOf(long executionId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT SERVER_ID FROM " + ExecutionTables.EXECUTION_SERVERS
                     + " WHERE JOB_EXECUTION_ID = ?")) {
            select.setLong(1, executionId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the server of execution " + executionId + ": " + e.getMessage(), e);
        }
    }
}
