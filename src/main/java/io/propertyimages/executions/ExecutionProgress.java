package io.propertyimages.executions;

import java.time.Duration;
import java.time.Instant;

/**
 * How far an execution of {@code download-images} got: of the {@code total} URLs it has to handle, {@code done} were
 * handled (downloaded, found cached or failed), with the bytes written, at {@code imagesPerSecond} since it started.
 */
public record ExecutionProgress(long total, long done, long downloaded, long cached, long failed, long bytes,
                                double imagesPerSecond) {

    static ExecutionProgress of(long total, long downloaded, long cached, long failed, long bytes, Instant startedAt,
                                Instant until) {
        long done = downloaded + cached + failed;
        return new ExecutionProgress(total, done, downloaded, cached, failed, bytes, rate(done, startedAt, until));
    }

    /** Images per second between {@code from} and {@code until}, rounded to two decimals; 0 before a millisecond. */
    static double rate(long done, Instant from, Instant until) {
        long millis = Duration.between(from, until).toMillis();
        if (millis <= 0) {
            return 0;
        }
        return Math.round(done * 100_000.0 / millis) / 100.0;
    }
}
