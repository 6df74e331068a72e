package io.propertyimages.cli;

import java.util.concurrent.Callable;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** One execution's state, times, parameters and progress; the latest when no id is given. */
@Command(name = "status", description = "Show an execution: status, times, parameters, progress (the latest one when no id is given).")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    PropertyImagesCli cli;

    @Parameters(paramLabel = "EXECUTION_ID", arity = "0..1", description = "The execution (default: the latest).")
    Long executionId;

    @Override
    public Integer call() {
        ApiClient api = cli.api();
        JsonObject execution;
        if (executionId != null) {
            execution = api.get("/jobexecutions/" + executionId).asJsonObject();
        } else {
            JsonArray latest = api.get("/jobexecutions?limit=1").asJsonArray();
            if (latest.isEmpty()) {
                throw new CliException(ExitCodes.REFUSED, "no job has run on " + api.connection().server() + " yet");
            }
            execution = latest.getJsonObject(0);
        }
        if (cli.json()) {
            cli.printJson(execution);
        } else {
            cli.out().print(ExecutionText.details(execution));
        }
        return ExitCodes.OK;
    }
}
