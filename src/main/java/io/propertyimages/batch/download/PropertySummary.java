package io.propertyimages.batch.download;

import java.io.Serializable;

/** What an execution did for one property. */
public record PropertySummary(String address, DownloadCounts counts) implements Serializable {
    @Override
    public String toString() {
        return "Property \"" + address + "\": " + counts;
    }
}
