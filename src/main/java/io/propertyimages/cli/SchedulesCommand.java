package io.propertyimages.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Schedules of jobs on the server: {@code /api/schedules}. */
@Command(name = "schedules", description = "List, add and delete schedules that start jobs at cron times or intervals.",
        subcommands = {SchedulesCommand.List.class, SchedulesCommand.Add.class, SchedulesCommand.Delete.class})
final class SchedulesCommand implements Runnable {
    @ParentCommand
    PropertyImagesCli cli;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: list, add or delete");
    }

    @Command(name = "list", description = "List the schedules with their next run and last execution.")
    static final class List implements Callable<Integer> {
        @ParentCommand
        SchedulesCommand schedules;

        @Override
        public Integer call() {
            PropertyImagesCli cli = schedules.cli;
            JsonArray all = cli.api().get("/schedules").asJsonArray();
            if (cli.json()) {
                cli.printJson(all);
            } else if (all.isEmpty()) {
                cli.say("no schedules");
            } else {
                cli.out().print(ScheduleText.table(all.getValuesAs(JsonObject.class)));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "add", sortOptions = false, description = "Add a schedule: a job with its parameters, at cron times or every N seconds.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        SchedulesCommand schedules;

        @Option(names = "--job", required = true, paramLabel = "NAME", description = "The job, e.g. download-images or cleanup-images.")
        String job;

        @ArgGroup(exclusive = true, multiplicity = "1")
        When when;

        @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of the cron expression, e.g. Europe/Paris (default: the server's).")
        String zone;

        @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A job parameter; repeat for more, e.g. --param input=/data/listings.csv.")
        Map<String, String> parameters = new LinkedHashMap<>();

        static final class When {
            @Option(names = "--cron", paramLabel = "EXPRESSION", required = true,
                    description = "minute hour day-of-month month day-of-week, e.g. \"0 3 * * *\" (6 fields: seconds first).")
            String cron;

            @Option(names = "--every", paramLabel = "SECONDS", required = true, description = "Run every so many seconds.")
            Long intervalSeconds;
        }

        @Override
        public Integer call() {
            PropertyImagesCli cli = schedules.cli;
            JsonObject created = cli.api().post("/schedules", request()).asJsonObject();
            if (cli.json()) {
                cli.printJson(created);
            } else {
                cli.say("added schedule %s: %s %s, next run %s", created.get("id"), ExecutionText.string(created, "jobName"),
                        ScheduleText.when(created), Formats.time(ExecutionText.string(created, "nextRun")));
            }
            return ExitCodes.OK;
        }

        JsonObject request() {
            JsonObjectBuilder jobParameters = Json.createObjectBuilder();
            parameters.forEach(jobParameters::add);
            JsonObjectBuilder request = Json.createObjectBuilder().add("jobName", job).add("jobParameters", jobParameters);
            if (when.cron != null) {
                request.add("cron", when.cron);
            } else {
                request.add("intervalSeconds", when.intervalSeconds);
            }
            if (zone != null) {
                request.add("zone", zone);
            }
            return request.build();
        }
    }

    @Command(name = "delete", description = "Delete a schedule; executions it started stay.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        SchedulesCommand schedules;

        @Parameters(paramLabel = "SCHEDULE_ID", description = "The schedule.")
        long id;

        @Override
        public Integer call() {
            PropertyImagesCli cli = schedules.cli;
            cli.api().delete("/schedules/" + id);
            if (cli.json()) {
                cli.printJson(Json.createObjectBuilder().add("deleted", id).build());
            } else {
                cli.say("deleted schedule %d", id);
            }
            return ExitCodes.OK;
        }
    }
}
