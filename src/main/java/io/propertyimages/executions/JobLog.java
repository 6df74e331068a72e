package io.propertyimages.executions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Each execution's own log: what the job says about its work (started, per-property summaries, failures, ended),
 * kept per execution in the job repository's DataSource, so it survives the server, follows a restart to the new
 * execution, and is purged with the execution's records. Every line also goes to the server's log. Any job's artifacts
 * may inject it.
 */
@ApplicationScoped
public class JobLog {
    static final int MAX_MESSAGE = 8192;
    private static final Logger LOG = Logger.getLogger(JobLog.class.getName());

    @Resource(lookup = "jdbc/jobRepository")
    DataSource dataSource;

    private final Clock clock = Clock.systemUTC();

    public void info(long executionId, String message) {
        add(executionId, Level.INFO, message);
    }

    public void warning(long executionId, String message) {
        add(executionId, Level.WARNING, message);
    }

    /** Logs that the execution started, or restarted and which execution it continues, with its job parameters. */
    public void started(JobContext job) {
        long executionId = job.getExecutionId();
        JobOperator operator = BatchRuntime.getJobOperator();
        Properties parameters = operator.getParameters(executionId);
        OptionalLong restarted = operator.getJobExecutions(operator.getJobInstance(executionId)).stream()
                .mapToLong(JobExecution::getExecutionId).filter(id -> id < executionId).max();
        info(executionId, (restarted.isPresent() ? "Restarted " + job.getJobName() + " from execution " + restarted.getAsLong()
                : "Started " + job.getJobName()) + " with " + new TreeMap<>(parameters == null ? Map.of() : parameters));
    }

    /** Logs how the execution ends, its batch status and exit status; see {@link #ended(JobContext, String)}. */
    public void ended(JobContext job) {
        ended(job, null);
    }

    /**
     * Logs how the execution ends, with what the job has to say about it (if not null); call it from a job listener's afterJob, where
     * the batch status is still STARTED for an execution about to complete and STOPPING for one being stopped.
     */
    public void ended(JobContext job, String summary) {
        BatchStatus status = switch (job.getBatchStatus()) {
            case STARTED -> BatchStatus.COMPLETED;
            case STOPPING -> BatchStatus.STOPPED;
            default -> job.getBatchStatus();
        };
        String exitStatus = job.getExitStatus();
        String message = "Ended " + status + (exitStatus == null || exitStatus.equals(status.name()) ? "" : " (" + exitStatus + ")")
                + (summary == null ? "" : ": " + summary);
        if (status == BatchStatus.COMPLETED) {
            info(job.getExecutionId(), message);
        } else {
            warning(job.getExecutionId(), message);
        }
    }

    /** The execution's lines, oldest first. */
    public List<JobLogLine> lines(long executionId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT LOGGED_AT, LEVEL, MESSAGE FROM "
                     + ExecutionTables.JOB_LOG + " WHERE JOB_EXECUTION_ID = ? ORDER BY ID")) {
            select.setLong(1, executionId);
            List<JobLogLine> lines = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lines.add(new JobLogLine(rows.getTimestamp(1).toInstant(), rows.getString(2), rows.getString(3)));
                }
            }
            return lines;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the log of execution " + executionId + ": " + e.getMessage(), e);
        }
    }

    /** A line that cannot be stored does not fail the job: it is still in the server's log, with the reason. */
    private void add(long executionId, Level level, String text) {
        String message = printable(text);
        LOG.log(level, () -> "Execution " + executionId + ": " + message);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + ExecutionTables.JOB_LOG
                     + " (JOB_EXECUTION_ID, LOGGED_AT, LEVEL, MESSAGE) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, executionId);
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.setString(3, level.getName());
            insert.setString(4, FailedImageStore.cut(message, MAX_MESSAGE));
            insert.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Not kept in the log of execution " + executionId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The message with its control characters, which an input's address or a server's answer may hold, written as
     * Java escapes (a backslash, u, four hex digits): a log line stays one line, and no NUL or escape sequence reaches
     * a terminal.
     */
    static String printable(String message) {
        if (message.chars().noneMatch(Character::isISOControl)) {
            return message;
        }
        StringBuilder printable = new StringBuilder(message.length() + 16);
        message.chars().forEach(c -> {
            if (Character.isISOControl(c)) {
                printable.append(String.format("\\u%04x", c));
            } else {
                printable.append((char) c);
            }
        });
        return printable.toString();
    }
}
