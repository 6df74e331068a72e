package io.propertyimages.download;

import java.time.Duration;

/**
 * How downloads behave: timeouts, the largest body accepted, and retries (attempts in all, the first backoff, which
 * doubles each time, and the longest {@code Retry-After} honoured).
 */
public record DownloadSettings(Duration connectTimeout, Duration readTimeout, long maxBodyBytes, int maxAttempts,
                               Duration initialBackoff, Duration maxRetryAfter) {

    /** 5 s to connect, 30 s between bytes, 25 MB, 4 attempts waiting 1 s, 2 s and 4 s, Retry-After up to 30 s. */
    public static DownloadSettings defaults() {
        return new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), 25L * 1024 * 1024, 4,
                Duration.ofSeconds(1), Duration.ofSeconds(30));
    }
}
