package io.propertyimages.download;

/** An attempt that failed in a way another attempt may not: a 429 or 5xx answer, a timeout, a dropped connection. */
final class RetryableFailure extends Exception {
    private final int status;
    private final String retryAfter;

    RetryableFailure(String reason, int status, String retryAfter) {
        super(reason, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    static RetryableFailure transport(String reason) {
        return new RetryableFailure(reason, 0, null);
    }

    /** The HTTP status, or 0 when the failure was below HTTP. */
    int status() {
        return status;
    }

    String retryAfter() {
        return retryAfter;
    }
}
