package io.propertyimages.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
    static final String CLEANUP_IMAGES = "cleanup-images";
    private static final List<String> DOWNLOAD_PARAMETERS = List.of("input", "outputDir", "chunkSize");
    private static final List<String> CLEANUP_PARAMETERS = List.of("maxAgeDays", "dryRun", "outputDir");
    /** Parameters a job's checkpoints depend on: a restart that changed them would go on from another job's place. */
    private static final Map<String, List<String>> KEPT_ON_RESTART = Map.of(CLEANUP_IMAGES, CLEANUP_PARAMETERS);
    /** JBeret's own parameters, allowed on every job. */
    private static final Set<String> ENGINE_PARAMETERS = Set.of("jberet.restart.mode");

    @Inject
    BatchServices services;

    /** @return the parameters to run with; @throws ApiException 400 naming the problem */
    public Properties check(String jobName, Properties parameters) {
        if (DOWNLOAD_IMAGES.equals(jobName)) {
            return checkDownload(parameters);
        }
        if (CLEANUP_IMAGES.equals(jobName)) {
            return checkCleanup(parameters);
        }
        return parameters;
    }

    /**
     * @param original the parameters the execution ran with; @param restart those it is to restart with, checked
     * @throws ApiException 400 naming a parameter the restart changes although the job's checkpoints depend on it
     */
    public void requireKeptOnRestart(String jobName, Properties original, Properties restart) {
        for (String name : KEPT_ON_RESTART.getOrDefault(jobName, List.of())) {
            String was = original.getProperty(name);
            String is = restart.getProperty(name);
            if (!Objects.equals(was, is)) {
                throw badRequest(jobName + " restarts with the " + name + " it started with (" + (was == null ? "the default" : was)
                        + "), not " + (is == null ? "the default" : is) + "; start a new execution to change it");
            }
        }
    }

    private Properties checkDownload(Properties parameters) {
        requireKnown(DOWNLOAD_IMAGES, DOWNLOAD_PARAMETERS, parameters);
        Properties checked = new Properties();
        checked.putAll(parameters);
        checked.setProperty("input", checkInput(parameters.getProperty("input")).toString());
        checked.setProperty("outputDir", checkOutputDir(parameters.getProperty("outputDir")).toString());
        String chunkSize = parameters.getProperty("chunkSize");
        if (chunkSize != null && !chunkSize.matches("[1-9][0-9]{0,3}")) {
            throw badRequest("chunkSize must be a whole number from 1 to 9999, found \"" + chunkSize + "\"");
        }
        return checked;
    }

    private Properties checkCleanup(Properties parameters) {
        requireKnown(CLEANUP_IMAGES, CLEANUP_PARAMETERS, parameters);
        Properties checked = new Properties();
        checked.putAll(parameters);
        checked.setProperty("outputDir", checkOutputDir(parameters.getProperty("outputDir")).toString());
        String maxAgeDays = parameters.getProperty("maxAgeDays");
        if (maxAgeDays != null && !maxAgeDays.matches("[0-9]{1,5}")) {
            throw badRequest("maxAgeDays must be a whole number of days from 0 to 99999, found \"" + maxAgeDays + "\"");
        }
        String dryRun = parameters.getProperty("dryRun");
        if (dryRun != null) {
            if (!dryRun.equalsIgnoreCase("true") && !dryRun.equalsIgnoreCase("false")) {
                throw badRequest("dryRun must be true or false, found \"" + dryRun + "\"");
            }
            checked.setProperty("dryRun", dryRun.toLowerCase(Locale.ROOT));
        }
        return checked;
    }

    private static void requireKnown(String jobName, List<String> jobParameters, Properties parameters) {
        for (String name : parameters.stringPropertyNames()) {
            if (!jobParameters.contains(name) && !ENGINE_PARAMETERS.contains(name)) {
                throw badRequest("unknown job parameter \"" + name + "\"; " + jobName + " takes " + String.join(", ", jobParameters));
            }
        }
    }

    private Path checkOutputDir(String outputDir) {
        try {
            return OutputDirectories.resolve(services.imagesRoot(), outputDir);
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
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
