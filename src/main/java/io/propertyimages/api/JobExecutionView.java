package io.propertyimages.api;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;

import io.propertyimages.executions.ExecutionProgress;

/**
 * A job execution as the API shows it, with its progress once its input has been read, and the server that runs it
 * (or ran it last: a restart or a take-over may have moved it).
 */
public record JobExecutionView(
        long executionId,
        String jobName,
        long jobInstanceId,
        String batchStatus,
        String exitStatus,
        Instant createTime,
        Instant startTime,
        Instant endTime,
        Instant lastUpdatedTime,
        Map<String, String> jobParameters,
        String href,
        ExecutionProgress progress,
        String server) {

    static JobExecutionView of(JobExecution execution, BatchStatus status, long jobInstanceId, String href,
                               ExecutionProgress progress, String server) {
        return new JobExecutionView(execution.getExecutionId(), execution.getJobName(), jobInstanceId,
                String.valueOf(status), execution.getExitStatus(),
                instant(execution.getCreateTime()), instant(execution.getStartTime()), instant(execution.getEndTime()),
                instant(execution.getLastUpdatedTime()), map(execution.getJobParameters()), href, progress, server);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Map<String, String> map(Properties properties) {
        Map<String, String> map = new TreeMap<>();
        if (properties != null) {
            properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        }
        return map;
    }
}
