package io.propertyimages.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What a lease is on, such as {@code execution 42} or {@code folder phoenix/123-main-st}, and the 64-bit number the
 * database locks it under: the first 8 bytes of the SHA-256 of its text, so every server derives the same number.
 */
public record LeaseKey(String kind, String name) {

    public static LeaseKey execution(long jobExecutionId) {
        return new LeaseKey("execution", Long.toString(jobExecutionId));
    }

    /** A partition of a job instance's step: one lease whatever execution of the instance runs it. */
    public static LeaseKey partition(long jobInstanceId, String stepName, int partition) {
        return new LeaseKey("partition", jobInstanceId + "/" + stepName + "/" + partition);
    }

    public static LeaseKey folder(String relativePath) {
        return new LeaseKey("folder", relativePath);
    }

    public long number() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((kind + ":" + name).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
