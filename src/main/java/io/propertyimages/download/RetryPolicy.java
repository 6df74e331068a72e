package io.propertyimages.download;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Says whether a failed attempt deserves another and how long to wait first: 429 and 5xx answers, timeouts and
 * dropped connections are retried with exponential backoff, or after the server's {@code Retry-After} (capped);
 * anything else, and the last attempt, is final.
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxRetryAfter;
    private final Clock clock;

    public RetryPolicy(DownloadSettings settings, Clock clock) {
        this.maxAttempts = settings.maxAttempts();
        this.initialBackoff = settings.initialBackoff();
        this.maxRetryAfter = settings.maxRetryAfter();
        this.clock = clock;
    }

    public static boolean isRetryableStatus(int status) {
        return status == 429 || (status >= 500 && status <= 599);
    }

    /**
     * @param attempt the attempt that just failed, from 1
     * @param retryAfter the answer's {@code Retry-After} header, or {@code null}
     * @return the wait before the next attempt, or empty to give up
     */
    public Optional<Duration> afterStatus(int attempt, int status, String retryAfter) {
        if (!isRetryableStatus(status) || attempt >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(retryAfter(retryAfter).orElse(backoff(attempt)));
    }

    /** After a timeout or a dropped connection: the wait before the next attempt, or empty to give up. */
    public Optional<Duration> afterTransportError(int attempt) {
        return attempt >= maxAttempts ? Optional.empty() : Optional.of(backoff(attempt));
    }

    Duration backoff(int attempt) {
        return initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date, capped; empty when absent or unreadable. */
    Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                wait = Duration.between(clock.instant(), at.toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            return Optional.of(Duration.ZERO);
        }
        return Optional.of(wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait);
    }
}
