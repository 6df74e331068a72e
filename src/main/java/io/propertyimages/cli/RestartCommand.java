package io.propertyimages.cli;

import java.util.concurrent.Callable;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Restarts a stopped or failed execution from its checkpoints, as a new execution, and follows it. */
@Command(name = "restart", description = "Restart a stopped or failed execution where it was, and follow the new execution.")
final class RestartCommand implements Callable<Integer> {
    @ParentCommand
    PropertyImagesCli cli;

    @Parameters(paramLabel = "EXECUTION_ID", description = "The stopped or failed execution.")
    long executionId;

    @Mixin
    WaitOption waiting;

    @Override
    public Integer call() {
        JsonObject restarted = cli.api().post("/jobexecutions/" + executionId + "/restart", JsonValue.EMPTY_JSON_OBJECT).asJsonObject();
        cli.say("restarted execution %d as execution %d", executionId, ExecutionText.id(restarted));
        if (!waiting.wait) {
            if (cli.json()) {
                cli.printJson(restarted);
            }
            return ExitCodes.OK;
        }
        return cli.ended(cli.follow(restarted));
    }
}
