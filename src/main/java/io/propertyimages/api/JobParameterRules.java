package io.propertyimages.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;

import io.propertyimages.batch.download.BatchServices;
import io.propertyimages.input.InputFormatException;
import io.propertyimages.input.PropertyListFiles;
import io.propertyimages.store.OutputDirectories;

/**
 * Checks a job's parameters when the start or restart request comes, not halfway through the job, and stores paths
 * resolved so the execution does not depend on where it runs from.
 */
@ApplicationScoped
public class JobParameterRules {
    static final String DOWNLOAD_IMAGES = "download-images";
    private static final List<String> DOWNLOAD_PARAMETERS = List.of("input", "outputDir", "chunkSize");
    /** JBeret's own parameters, allowed on every job. */
    private static final Set<String> ENGINE_PARAMETERS = Set.of("jberet.restart.mode");

    @Inject
    BatchServices services;

    /** @return the parameters to run with; @throws ApiException 400 naming the problem */
    public Properties check(String jobName, Properties parameters) {
        if (DOWNLOAD_IMAGES.equals(jobName)) {
            return checkDownload(parameters);
        }
        return parameters;
    }

    private Properties checkDownload(Properties parameters) {
        for (String name : parameters.stringPropertyNames()) {
            if (!DOWNLOAD_PARAMETERS.contains(name) && !ENGINE_PARAMETERS.contains(name)) {
                throw badRequest("unknown job parameter \"" + name + "\"; download-images takes " + String.join(", ", DOWNLOAD_PARAMETERS));
            }
        }
        Properties checked = new Properties();
        checked.putAll(parameters);
        checked.setProperty("input", checkInput(parameters.getProperty("input")).toString());
        try {
            checked.setProperty("outputDir", OutputDirectories.resolve(services.imagesRoot(), parameters.getProperty("outputDir")).toString());
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
        String chunkSize = parameters.getProperty("chunkSize");
        if (chunkSize != null && !chunkSize.matches("[1-9][0-9]{0,3}")) {
            throw badRequest("chunkSize must be a whole number from 1 to 9999, found \"" + chunkSize + "\"");
        }
        return checked;
    }

    private static Path checkInput(String input) {
        if (input == null || input.isBlank()) {
            throw badRequest("job parameter \"input\" is missing: the path of a JSON or CSV file of properties and their image URLs");
        }
        Path file = Path.of(input.strip()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw badRequest("input " + file + " is not a file on the server");
        }
        if (!Files.isReadable(file)) {
            throw badRequest("input " + file + " is not readable by the server");
        }
        try {
            PropertyListFiles.scan(file);
        } catch (InputFormatException e) {
            throw badRequest("input " + file + ": " + e.getMessage());
        } catch (IOException e) {
            throw badRequest("input " + file + " cannot be read: " + e.getMessage());
        }
        return file;
    }

    private static ApiException badRequest(String message) {
        return new ApiException(Status.BAD_REQUEST, message);
    }
}
