package io.propertyimages.cluster;

/** The database that keeps the leases could not be asked. */
public final class LeaseException extends RuntimeException {
    public LeaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
