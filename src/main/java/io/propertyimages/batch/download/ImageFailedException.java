package io.propertyimages.batch.download;

import io.propertyimages.input.UrlItem;

/**
 * One URL could not be turned into a saved JPEG. The job lists it as skippable: the URL is recorded as failed and
 * the rest of the job goes on.
 */
public class ImageFailedException extends Exception {
    private final transient PropertyFolder folder;
    private final String reason;
    private final int attempts;

    ImageFailedException(UrlItem item, PropertyFolder folder, String reason, int attempts) {
        super(item.url() + ": " + reason);
        this.folder = folder;
        this.reason = reason;
        this.attempts = attempts;
    }

    PropertyFolder folder() {
        return folder;
    }

    public String reason() {
        return reason;
    }

    public int attempts() {
        return attempts;
    }
}
