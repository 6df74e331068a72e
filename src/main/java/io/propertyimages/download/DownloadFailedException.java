package io.propertyimages.download;

/** A URL that could not be downloaded, with a reason fit for a log line and a manifest. */
public final class DownloadFailedException extends Exception {
    private final String reason;
    private final int attempts;

    public DownloadFailedException(String reason, int attempts) {
        super(reason);
        this.reason = reason;
        this.attempts = attempts;
    }

    public String reason() {
        return reason;
    }

    public int attempts() {
        return attempts;
    }
}
