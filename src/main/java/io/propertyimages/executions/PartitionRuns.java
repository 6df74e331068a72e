package io.propertyimages.executions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import io.propertyimages.executions.PartitionRun.State;

/**
 * The partitions of each step execution and who runs them ({@link PartitionRun}). Every change of hands is one
 * conditional UPDATE on the partition's current attempt, so of a server taking a partition up and its coordinator
 * sending it again, exactly one wins.
 */
@ApplicationScoped
public class PartitionRuns {
    private static final String COLUMNS = "STEP_EXECUTION_ID, PARTITION_NUMBER, JOB_EXECUTION_ID, ATTEMPT, STATE, SERVER_ID, UPDATED_AT";

    @Resource(lookup = "jdbc/jobRepository")
    DataSource dataSource;

    private final Clock clock = Clock.systemUTC();

    /** A partition sent to the servers for the first time (attempt 1), or run here at once ({@code serverId} not null). */
    public void add(long jobExecutionId, long stepExecutionId, int partition, String serverId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + ExecutionTables.PARTITION_RUNS
                     + " (" + COLUMNS + ") VALUES (?, ?, ?, 1, ?, ?, ?)")) {
            insert.setLong(1, stepExecutionId);
            insert.setInt(2, partition);
            insert.setLong(3, jobExecutionId);
            insert.setString(4, (serverId == null ? State.QUEUED : State.RUNNING).name());
            insert.setString(5, serverId == null ? null : FailedImageStore.cut(serverId, ExecutionServers.MAX_SERVER_ID));
            insert.setTimestamp(6, now());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failed("record partition " + partition + " of step execution " + stepExecutionId, e);
        }
    }

    /** A server takes up a queued attempt; false when the attempt is not the current one, or already taken. */
    public boolean claim(long stepExecutionId, int partition, int attempt, String serverId) {
        return update("SET STATE = 'RUNNING', SERVER_ID = ?, UPDATED_AT = ? WHERE STEP_EXECUTION_ID = ? AND PARTITION_NUMBER = ?"
                + " AND ATTEMPT = ? AND STATE = 'QUEUED'", FailedImageStore.cut(serverId, ExecutionServers.MAX_SERVER_ID), now(),
                stepExecutionId, partition, attempt);
    }

    /**
     * The attempt that is {@code from} now is given up, and the partition queued again as the next attempt; false when
     * the partition has moved on meanwhile (taken up, done, or already queued again).
     */
    public boolean requeue(long stepExecutionId, int partition, int attempt, State from) {
        return update("SET STATE = 'QUEUED', ATTEMPT = ATTEMPT + 1, SERVER_ID = NULL, UPDATED_AT = ? WHERE STEP_EXECUTION_ID = ?"
                + " AND PARTITION_NUMBER = ? AND ATTEMPT = ? AND STATE = ?", now(), stepExecutionId, partition, attempt, from.name());
    }

    /** Like {@link #requeue}, but the next attempt is taken up by {@code serverId} at once. */
    public boolean takeOver(long stepExecutionId, int partition, int attempt, State from, String serverId) {
        return update("SET STATE = 'RUNNING', ATTEMPT = ATTEMPT + 1, SERVER_ID = ?, UPDATED_AT = ? WHERE STEP_EXECUTION_ID = ?"
                + " AND PARTITION_NUMBER = ? AND ATTEMPT = ? AND STATE = ?", FailedImageStore.cut(serverId, ExecutionServers.MAX_SERVER_ID),
                now(), stepExecutionId, partition, attempt, from.name());
    }

    /** The attempt ended, whatever its batch status: the partition's result is in the job repository. */
    public void done(long stepExecutionId, int partition, int attempt) {
        update("SET STATE = 'DONE', UPDATED_AT = ? WHERE STEP_EXECUTION_ID = ? AND PARTITION_NUMBER = ? AND ATTEMPT = ?",
                now(), stepExecutionId, partition, attempt);
    }

    public Optional<PartitionRun> find(long stepExecutionId, int partition) {
        List<PartitionRun> runs = select("WHERE STEP_EXECUTION_ID = ? AND PARTITION_NUMBER = ?", stepExecutionId, partition);
        return runs.stream().findFirst();
    }

    /** The partitions of a step execution, by number. */
    public List<PartitionRun> ofStep(long stepExecutionId) {
        return select("WHERE STEP_EXECUTION_ID = ? ORDER BY PARTITION_NUMBER", stepExecutionId);
    }

    /** The partitions of every step of a job execution. */
    public List<PartitionRun> ofExecution(long jobExecutionId) {
        return select("WHERE JOB_EXECUTION_ID = ? ORDER BY STEP_EXECUTION_ID, PARTITION_NUMBER", jobExecutionId);
    }

    private List<PartitionRun> select(String where, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM "
                     + ExecutionTables.PARTITION_RUNS + " " + where)) {
            bind(select, parameters);
            List<PartitionRun> runs = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs.add(new PartitionRun(rows.getLong(1), rows.getInt(2), rows.getLong(3), rows.getInt(4),
                            State.valueOf(rows.getString(5)), rows.getString(6), rows.getTimestamp(7).toInstant()));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw failed("read partitions", e);
        }
    }

    private boolean update(String set, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + ExecutionTables.PARTITION_RUNS + " " + set)) {
            bind(update, parameters);
            return update.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failed("update a partition", e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + " in the job repository: " + e.getMessage(), e);
    }
}
