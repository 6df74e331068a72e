package io.propertyimages.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;

/** A step execution with its metrics and, for a partitioned step, its partitions. */
public record StepExecutionView(
        long stepExecutionId,
        String stepName,
        String batchStatus,
        String exitStatus,
        Instant startTime,
        Instant endTime,
        Map<String, Long> metrics,
        Serializable persistentUserData,
        List<PartitionView> partitions) {

    /** One partition of a step: its number, state, metrics and the server that ran it. */
    public record PartitionView(int partition, String batchStatus, String exitStatus, Map<String, Long> metrics,
                                String server) {
    }

    static StepExecutionView of(StepExecution step, List<PartitionView> partitions) {
        return new StepExecutionView(step.getStepExecutionId(), step.getStepName(),
                String.valueOf(step.getBatchStatus()), step.getExitStatus(),
                JobExecutionView.instant(step.getStartTime()), JobExecutionView.instant(step.getEndTime()),
                metrics(step.getMetrics()), step.getPersistentUserData(), partitions);
    }

    static Map<String, Long> metrics(Metric[] metrics) {
        Map<String, Long> map = new TreeMap<>();
        if (metrics != null) {
            for (Metric metric : metrics) {
                map.put(metric.getType().name(), metric.getValue());
            }
        }
        return map;
    }
}
