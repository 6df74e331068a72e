package io.propertyimages.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Deletes old job repository records: POST /api/purge. */
@Command(name = "purge", description = "Delete old executions from the job repository (never running ones); the server's defaults: 30 days, every ended status.")
final class PurgeCommand implements Callable<Integer> {
    @ParentCommand
    PropertyImagesCli cli;

    @Option(names = "--older-than-days", paramLabel = "N", description = "Only executions that ended more than N days ago.")
    Integer olderThanDays;

    @Option(names = "--status", paramLabel = "STATUS", split = ",", arity = "1..*",
            description = "Only executions in these statuses: COMPLETED, FAILED, STOPPED, ABANDONED.")
    List<String> statuses;

    @Override
    public Integer call() {
        JsonObject purged = cli.api().post("/purge", request()).asJsonObject();
        if (cli.json()) {
            cli.printJson(purged);
        } else {
            cli.say("purged %s job instances, %s job executions, %s step executions", purged.get("jobInstances"),
                    purged.get("jobExecutions"), purged.get("stepExecutions"));
        }
        return ExitCodes.OK;
    }

    JsonObject request() {
        JsonObjectBuilder request = Json.createObjectBuilder();
        if (olderThanDays != null) {
            request.add("olderThanDays", olderThanDays);
        }
        if (statuses != null) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            statuses.forEach(status -> array.add(status.strip().toUpperCase(Locale.ROOT)));
            request.add("statuses", array);
        }
        return request.build();
    }
}
