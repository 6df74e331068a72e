package io.propertyimages.batch.download;

import java.nio.file.Path;
import java.util.Properties;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.propertyimages.executions.ExecutionProgressStore;
import io.propertyimages.executions.JobLog;
import io.propertyimages.input.InputSummary;
import io.propertyimages.input.PropertyListFiles;

/**
 * Splits the input by property: property {@code i} belongs to partition {@code i % partitions}, so all URLs of a
 * property are handled by one thread in order. There are up to four partitions per thread, so a thread that
 * finishes early takes the next partition instead of idling, and never more than
 * {@value #MAX_CONCURRENT_DOWNLOADS} threads, which caps the downloads in flight for a job. The execution's progress
 * starts here, with the number of URLs the input holds.
 */
@Named
@Dependent
public class PropertyPartitionMapper implements PartitionMapper {
    static final int MAX_CONCURRENT_DOWNLOADS = 5;
    static final int PARTITIONS_PER_THREAD = 4;
    static final String PARTITION_NUMBER = "partitionNumber";
    static final String PARTITION_COUNT = "partitionCount";

    @Inject
    @BatchProperty
    String input;

    @Inject
    JobContext jobContext;

    @Inject
    ExecutionProgressStore progress;

    @Inject
    JobLog log;

    @Override
    public PartitionPlan mapPartitions() throws Exception {
        InputSummary summary = PropertyListFiles.scan(Path.of(input));
        progress.begin(jobContext.getExecutionId(), jobContext.getInstanceId(), summary.urls());
        int partitions = Math.max(1, Math.min(summary.properties(), MAX_CONCURRENT_DOWNLOADS * PARTITIONS_PER_THREAD));
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(partitions);
        plan.setThreads(Math.min(partitions, MAX_CONCURRENT_DOWNLOADS));
        Properties[] properties = new Properties[partitions];
        for (int i = 0; i < partitions; i++) {
            properties[i] = new Properties();
            properties[i].setProperty(PARTITION_NUMBER, Integer.toString(i));
            properties[i].setProperty(PARTITION_COUNT, Integer.toString(partitions));
        }
        plan.setPartitionProperties(properties);
        log.info(jobContext.getExecutionId(), "Input " + input + ": " + summary.urls() + " image URLs of " + summary.properties()
                + " properties, in " + partitions + " partitions on " + plan.getThreads() + " threads");
        return plan;
    }
}
