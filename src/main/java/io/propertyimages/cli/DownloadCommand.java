package io.propertyimages.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Uploads an input file (POST /api/inputs), starts download-images with it and follows it to its end. */
@Command(name = "download", sortOptions = false,
        description = "Send a JSON or CSV input file to the server, start download-images with it and follow it with a progress bar.")
final class DownloadCommand implements Callable<Integer> {
    @ParentCommand
    PropertyImagesCli cli;

    @Parameters(paramLabel = "INPUT", description = "The input file: JSON {\"properties\": [{\"address\", \"imageUrls\"}]} or CSV address,image_url.")
    Path input;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Folder for the property folders, inside the server's images.root (default: images.root).")
    String outputDir;

    @Option(names = "--chunk-size", paramLabel = "N", description = "URLs per checkpoint (default 10).")
    Integer chunkSize;

    @Mixin
    WaitOption waiting;

    @Override
    public Integer call() {
        InputFile file = InputFile.of(input);
        ApiClient api = cli.api();
        JsonObject stored = api.upload("/inputs?name=" + file.uploadName(), input, file.contentType()).asJsonObject();
        cli.say("sent %s: %d properties, %d URLs", input, stored.getInt("properties"), stored.getJsonNumber("urls").longValue());
        JsonObject execution = api.post("/jobs/download-images/start", parameters(stored.getString("input"))).asJsonObject();
        cli.say("started download-images: execution %d", ExecutionText.id(execution));
        if (!waiting.wait) {
            if (cli.json()) {
                cli.printJson(execution);
            }
            return ExitCodes.OK;
        }
        return cli.ended(cli.follow(execution));
    }

    private JsonObject parameters(String storedInput) {
        JsonObjectBuilder parameters = Json.createObjectBuilder().add("input", storedInput);
        if (outputDir != null) {
            parameters.add("outputDir", outputDir);
        }
        if (chunkSize != null) {
            parameters.add("chunkSize", chunkSize);
        }
        return parameters.build();
    }
}
