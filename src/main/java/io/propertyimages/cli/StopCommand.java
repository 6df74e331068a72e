package io.propertyimages.cli;

import java.util.concurrent.Callable;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Asks a running execution to stop after its current chunk, and waits until it has. */
@Command(name = "stop", description = "Stop a running execution after its current chunk; restart continues from there.")
final class StopCommand implements Callable<Integer> {
    @ParentCommand
    PropertyImagesCli cli;

    @Parameters(paramLabel = "EXECUTION_ID", description = "The running execution.")
    long executionId;

    @Mixin
    WaitOption waiting;

    @Override
    public Integer call() {
        JsonObject execution = cli.api().post("/jobexecutions/" + executionId + "/stop", JsonValue.EMPTY_JSON_OBJECT).asJsonObject();
        if (waiting.wait) {
            execution = cli.awaitEnd(execution);
        }
        if (cli.json()) {
            cli.printJson(execution);
        } else {
            cli.say("%s", ExecutionText.summary(execution));
        }
        return ExitCodes.OK;
    }
}
