package io.propertyimages.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Job executions, as {@code GET /api/jobexecutions} answers them, written for people. */
final class ExecutionText {
    private ExecutionText() {
    }

    static String table(List<JsonObject> executions) {
        Table table = new Table("ID", "JOB", "STATUS", "EXIT STATUS", "STARTED", "DURATION");
        for (JsonObject execution : executions) {
            table.row(Long.toString(id(execution)), string(execution, "jobName"), string(execution, "batchStatus"),
                    string(execution, "exitStatus"), Formats.time(nullable(execution, "startTime")), duration(execution));
        }
        return table.toString();
    }

    static String details(JsonObject execution) {
        StringBuilder text = new StringBuilder();
        line(text, "execution", id(execution) + " (instance " + execution.getJsonNumber("jobInstanceId") + ")");
        line(text, "job", string(execution, "jobName"));
        line(text, "status", string(execution, "batchStatus"));
        line(text, "exit status", string(execution, "exitStatus"));
        if (execution.get("server") instanceof JsonString server) {
            line(text, "server", server.getString());
        }
        line(text, "started", Formats.time(nullable(execution, "startTime")));
        line(text, "ended", Formats.time(nullable(execution, "endTime")));
        line(text, "duration", duration(execution));
        if (execution.get("jobParameters") instanceof JsonObject parameters) {
            parameters.forEach((name, value) -> line(text, name, value instanceof JsonString s ? s.getString() : value.toString()));
        }
        Progress progress = Progress.of(execution);
        if (progress != null) {
            line(text, "progress", ProgressLine.format(string(execution, "batchStatus"), progress));
        }
        return text.toString();
    }

    /** {@code execution 12 COMPLETED (COMPLETED_WITH_FAILURES) in 4.2 s: downloaded 6, cached 0, failed 2, 1.4 MB} */
    static String summary(JsonObject execution) {
        String text = "execution " + id(execution) + " " + string(execution, "batchStatus") + " ("
                + string(execution, "exitStatus") + ")";
        String duration = duration(execution);
        if (!duration.isEmpty()) {
            text += " in " + duration;
        }
        Progress progress = Progress.of(execution);
        if (progress != null) {
            text += ": downloaded " + progress.downloaded() + ", cached " + progress.cached() + ", failed "
                    + progress.failed() + ", " + Formats.bytes(progress.bytes());
        }
        return text;
    }

    static long id(JsonObject execution) {
        return execution.getJsonNumber("executionId").longValue();
    }

    static String string(JsonObject object, String name) {
        String value = nullable(object, name);
        return value == null ? "" : value;
    }

    private static String nullable(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString string ? string.getString() : null;
    }

    /** From start to end, or to now while it runs; empty before it started. */
    private static String duration(JsonObject execution) {
        String start = nullable(execution, "startTime");
        if (start == null) {
            return "";
        }
        String end = nullable(execution, "endTime");
        return Formats.duration(Duration.between(Instant.parse(start), end == null ? Instant.now() : Instant.parse(end)));
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-12s %s\n", label, value));
    }
}
