package io.propertyimages.batch.download;

import java.io.Serializable;

/** How a download step went: images saved, found cached, failed, and the bytes written for them. */
public record DownloadCounts(long downloaded, long cached, long failed, long bytesWritten) implements Serializable {
    public static final DownloadCounts NONE = new DownloadCounts(0, 0, 0, 0);

    public DownloadCounts plus(DownloadCounts other) {
        return new DownloadCounts(downloaded + other.downloaded, cached + other.cached, failed + other.failed,
                bytesWritten + other.bytesWritten);
    }

    @Override
    public String toString() {
        return "downloaded=" + downloaded + " cached=" + cached + " failed=" + failed + " bytes=" + bytesWritten;
    }
}
