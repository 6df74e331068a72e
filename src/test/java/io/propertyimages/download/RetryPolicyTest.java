package io.propertyimages.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(DownloadSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest(name = "HTTP {0} after attempt {1}: wait {2} s")
    @CsvSource(nullValues = "-", value = {
            "500, 1, 1", "503, 2, 2", "502, 3, 4", "500, 4, -",
            "429, 1, 1", "599, 1, 1",
            "404, 1, -", "403, 1, -", "400, 1, -", "410, 2, -"})
    void retriesThrottlingAndServerErrorsWithExponentialBackoff(int status, int attempt, Long seconds) {
        assertEquals(Optional.ofNullable(seconds).map(Duration::ofSeconds), policy.afterStatus(attempt, status, null));
    }

    @ParameterizedTest(name = "Retry-After \"{0}\": wait {1} s")
    @CsvSource(delimiter = '|', value = {
            "2|2",
            "0|0",
            "600|30",
            "Tue, 24 Nov 2026 12:00:07 GMT|7",
            "Tue, 24 Nov 2026 11:00:00 GMT|0",
            "soon|1",
            "-5|0"})
    void honoursRetryAfterWithinItsCap(String retryAfter, long seconds) {
        assertEquals(Optional.of(Duration.ofSeconds(seconds)), policy.afterStatus(1, 429, retryAfter));
    }

    @Test
    void retriesTransportErrorsUntilTheLastAttempt() {
        assertEquals(Optional.of(Duration.ofSeconds(1)), policy.afterTransportError(1));
        assertEquals(Optional.of(Duration.ofSeconds(4)), policy.afterTransportError(3));
        assertEquals(Optional.empty(), policy.afterTransportError(4));
    }
}
