package io.propertyimages.cli;

import java.time.Duration;
import java.util.Set;

import jakarta.json.JsonObject;

/** Polls an execution until it has ended, showing its progress on the way. */
final class JobFollower {
    static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    private final ApiClient api;
    private final Duration pollInterval;

    JobFollower(ApiClient api, Duration pollInterval) {
        this.api = api;
        this.pollInterval = pollInterval;
    }

    /** @return the execution as it ended */
    JsonObject follow(long executionId, ProgressDisplay display) {
        while (true) {
            JsonObject execution = api.get("/jobexecutions/" + executionId).asJsonObject();
            String status = execution.getString("batchStatus");
            String line = ProgressLine.format(status, Progress.of(execution));
            if (ENDED.contains(status)) {
                display.end(line);
                return execution;
            }
            display.show(line);
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.JOB_NOT_COMPLETED, "interrupted; execution " + executionId
                        + " goes on on the server (property-images status " + executionId + ")");
            }
        }
    }
}
