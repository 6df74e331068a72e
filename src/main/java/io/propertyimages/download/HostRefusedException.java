package io.propertyimages.download;

import java.net.UnknownHostException;

/**
 * A host whose address {@link HostPolicy} refuses, found as the connection resolves it. An UnknownHostException,
 * the one failure a resolver of Apache HttpClient may throw, so that it reaches the download as it is.
 */
final class HostRefusedException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    HostRefusedException(String refusal) {
        super(refusal);
    }
}
