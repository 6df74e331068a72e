package io.propertyimages.batch.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

import javax.sql.DataSource;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;

import org.jberet.util.BatchUtil;

/**
 * An execution as its row in the job repository reads now, whichever server wrote it last: for showing an execution
 * that this server does not run, where JBeret's copy in memory would be as old as this server's last look at it.
 */
record ExecutionRow(long executionId, long jobInstanceId, String jobName, BatchStatus batchStatus, String exitStatus,
                    Date createTime, Date startTime, Date endTime, Date lastUpdatedTime, Properties jobParameters)
        implements JobExecution {

    private static final String SELECT = "SELECT e.JOBINSTANCEID, i.JOBNAME, e.BATCHSTATUS, e.EXITSTATUS, e.CREATETIME,"
            + " e.STARTTIME, e.ENDTIME, e.LASTUPDATEDTIME, e.JOBPARAMETERS FROM JOB_EXECUTION e"
            + " JOIN JOB_INSTANCE i ON i.JOBINSTANCEID = e.JOBINSTANCEID WHERE e.JOBEXECUTIONID = ?";

    static Optional<ExecutionRow> read(DataSource dataSource, long executionId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setLong(1, executionId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ExecutionRow(executionId, row.getLong(1), row.getString(2),
                        BatchStatus.valueOf(row.getString(3)), row.getString(4), date(row.getTimestamp(5)),
                        date(row.getTimestamp(6)), date(row.getTimestamp(7)), date(row.getTimestamp(8)),
                        BatchUtil.stringToProperties(row.getString(9))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read execution " + executionId + ": " + e.getMessage(), e);
        }
    }

    private static Date date(Timestamp timestamp) {
        return timestamp == null ? null : new Date(timestamp.getTime());
    }

    @Override
    public long getExecutionId() {
        return executionId;
    }

    @Override
    public String getJobName() {
        return jobName;
    }

    @Override
    public BatchStatus getBatchStatus() {
        return batchStatus;
    }

    @Override
    public Date getStartTime() {
        return startTime;
    }

    @Override
    public Date getEndTime() {
        return endTime;
    }

    @Override
    public String getExitStatus() {
        return exitStatus;
    }

    @Override
    public Date getCreateTime() {
        return createTime;
    }

    @Override
    public Date getLastUpdatedTime() {
        return lastUpdatedTime;
    }

    @Override
    public Properties getJobParameters() {
        return jobParameters;
    }
}
