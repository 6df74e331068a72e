package io.propertyimages.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Executions, most recent first, of one job or all, optionally of one batch status. */
@Command(name = "executions", description = "List executions, most recent first.")
final class ExecutionsCommand implements Callable<Integer> {
    @ParentCommand
    PropertyImagesCli cli;

    @Option(names = "--job", paramLabel = "NAME", description = "Only this job's, e.g. download-images.")
    String job;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only executions in this batch status: STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED.")
    String status;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        StringBuilder query = new StringBuilder("/jobexecutions?limit=").append(limit);
        if (job != null) {
            query.append("&jobName=").append(URLEncoder.encode(job, StandardCharsets.UTF_8));
        }
        if (status != null) {
            query.append("&status=").append(URLEncoder.encode(status, StandardCharsets.UTF_8));
        }
        JsonArray executions = cli.api().get(query.toString()).asJsonArray();
        if (cli.json()) {
            cli.printJson(executions);
        } else if (executions.isEmpty()) {
            cli.say("no executions");
        } else {
            cli.out().print(ExecutionText.table(executions.getValuesAs(JsonObject.class)));
        }
        return ExitCodes.OK;
    }
}
