package io.propertyimages.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;

import org.junit.jupiter.api.Test;

import io.propertyimages.batch.engine.JobExecutions;
import io.propertyimages.executions.ExecutionProgress;
import io.propertyimages.executions.ExecutionProgressStore;
import io.propertyimages.executions.ExecutionServers;

class ExecutionViewsTest {
    private final List<Boolean> endedAsked = new ArrayList<>();

    @Test
    void anExecutionThatEndsWhileItIsShownIsShownWithTheProgressOfTheStatusItShows() {
        ExecutionViews views = views();

        JobExecutionView view = views.of(endingAfterFirstLook(), URI.create("/api/jobexecutions/7"));

        assertEquals("STARTED", view.batchStatus());
        assertEquals(List.of(false), endedAsked, "progress measured up to now, as for a running execution");
    }

    /** An execution whose status the engine changes to COMPLETED once it has been read as STARTED. */
    private static JobExecution endingAfterFirstLook() {
        int[] looks = {0};
        return (JobExecution) Proxy.newProxyInstance(JobExecution.class.getClassLoader(), new Class<?>[] {JobExecution.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBatchStatus" -> looks[0]++ == 0 ? BatchStatus.STARTED : BatchStatus.COMPLETED;
                    case "getExecutionId" -> 7L;
                    case "getJobName" -> "download-images";
                    default -> null;
                });
    }

    private ExecutionViews views() {
        ExecutionViews views = new ExecutionViews();
        views.executions = new JobExecutions() {
            @Override
            public long instanceIdOf(JobExecution execution) {
                return 3;
            }
        };
        views.progress = new ExecutionProgressStore() {
            @Override
            public Optional<ExecutionProgress> find(long executionId, boolean ended) {
                endedAsked.add(ended);
                return Optional.empty();
            }
        };
        views.servers = new ExecutionServers() {
            @Override
            public Optional<String> serverOf(long executionId) {
                return Optional.empty();
            }
        };
        return views;
    }
}
