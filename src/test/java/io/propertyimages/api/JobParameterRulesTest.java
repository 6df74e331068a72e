package io.propertyimages.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

class JobParameterRulesTest {
    private final JobParameterRules rules = new JobParameterRules();

    @Test
    void aCleanupRestartsWithTheParametersItStartedWith() {
        Properties original = parameters("outputDir", "/images/phoenix", "dryRun", "true");

        assertDoesNotThrow(() -> rules.requireKeptOnRestart("cleanup-images", original,
                parameters("outputDir", "/images/phoenix", "dryRun", "true", "jberet.restart.mode", "force")));

        ApiException dryRun = assertThrows(ApiException.class, () -> rules.requireKeptOnRestart("cleanup-images", original,
                parameters("outputDir", "/images/phoenix", "dryRun", "false")));
        assertEquals(Status.BAD_REQUEST, dryRun.status());
        assertTrue(dryRun.getMessage().contains("restarts with the dryRun it started with (true), not false"), dryRun.getMessage());
        ApiException maxAge = assertThrows(ApiException.class, () -> rules.requireKeptOnRestart("cleanup-images", original,
                parameters("outputDir", "/images/phoenix", "dryRun", "true", "maxAgeDays", "1")));
        assertTrue(maxAge.getMessage().contains("maxAgeDays it started with (the default), not 1"), maxAge.getMessage());
    }

    @Test
    void aDownloadMayRestartWithAnotherChunkSize() {
        assertDoesNotThrow(() -> rules.requireKeptOnRestart("download-images", parameters("input", "/in.csv", "chunkSize", "10"),
                parameters("input", "/in.csv", "chunkSize", "50")));
    }

    private static Properties parameters(String... namesAndValues) {
        Properties parameters = new Properties();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }
}
