package io.propertyimages.input;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Drops a URL that its property already listed: one image per URL and property. Items are renumbered so that
 * {@link UrlItem#index()} counts the URLs that remain.
 */
final class DistinctUrlItemSource implements UrlItemSource {
    private static final Logger LOG = Logger.getLogger(DistinctUrlItemSource.class.getName());
    private final UrlItemSource source;
    private final Set<String> urlsOfProperty = new HashSet<>();
    private int currentProperty = -1;
    private long nextIndex;

    DistinctUrlItemSource(UrlItemSource source) {
        this.source = source;
    }

    @Override
    public UrlItem next() throws IOException, InputFormatException {
        for (UrlItem item = source.next(); item != null; item = source.next()) {
            if (item.propertyIndex() != currentProperty) {
                currentProperty = item.propertyIndex();
                urlsOfProperty.clear();
            }
            if (urlsOfProperty.add(item.url())) {
                return new UrlItem(nextIndex++, item.propertyIndex(), item.address(), item.url(), item.position());
            }
            UrlItem duplicate = item;
            LOG.fine(() -> "Duplicate URL " + duplicate.url() + " of " + duplicate.address() + " at position "
                    + duplicate.position() + " ignored");
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
