package io.propertyimages.api;

import jakarta.ws.rs.core.Response.Status;

/** A user's mistake, answered with {@code status} and a message that names the problem. */
public class ApiException extends RuntimeException {
    private final Status status;

    public ApiException(Status status, String message) {
        super(message);
        this.status = status;
    }

    public Status status() {
        return status;
    }
}
