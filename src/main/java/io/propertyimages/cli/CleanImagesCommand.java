package io.propertyimages.cli;

import java.util.concurrent.Callable;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Runs cleanup-images, waits for it and prints its report. */
@Command(name = "clean-images", sortOptions = false,
        description = "Delete cached images older than N days (cleanup-images), wait for it and print its report.")
final class CleanImagesCommand implements Callable<Integer> {
    @ParentCommand
    PropertyImagesCli cli;

    @Option(names = "--max-age-days", paramLabel = "N", description = "Delete images downloaded more than N days ago (the job's default: 14).")
    Integer maxAgeDays;

    @Option(names = "--dry-run", description = "Only report what would be deleted.")
    boolean dryRun;

    @Option(names = "--output-dir", paramLabel = "DIR", description = "The folder of property folders to clean, inside images.root (default: images.root).")
    String outputDir;

    @Mixin
    WaitOption waiting;

    @Override
    public Integer call() {
        JsonObject execution = cli.api().post("/jobs/cleanup-images/start", parameters()).asJsonObject();
        cli.say("started cleanup-images: execution %d", ExecutionText.id(execution));
        if (!waiting.wait) {
            if (cli.json()) {
                cli.printJson(execution);
            }
            return ExitCodes.OK;
        }
        JsonObject ended = cli.awaitEnd(execution);
        return cli.ended(ended, CleanupReport.format(ExecutionText.id(ended), ExecutionText.string(ended, "batchStatus"),
                ExecutionText.string(ended, "exitStatus")));
    }

    JsonObject parameters() {
        JsonObjectBuilder parameters = Json.createObjectBuilder();
        if (maxAgeDays != null) {
            parameters.add("maxAgeDays", maxAgeDays);
        }
        if (dryRun) {
            parameters.add("dryRun", true);
        }
        if (outputDir != null) {
            parameters.add("outputDir", outputDir);
        }
        return parameters.build();
    }
}
