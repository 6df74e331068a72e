package io.propertyimages.batch.download;

import java.util.logging.Logger;

import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.propertyimages.input.UrlItem;
import io.propertyimages.store.CorruptManifestException;
import io.propertyimages.store.ManifestFailure;

/** Logs a URL the job skipped, with its reason, and records it in the property's manifest. */
@Named
@Dependent
public class FailedImageListener implements SkipProcessListener {
    private static final Logger LOG = Logger.getLogger(FailedImageListener.class.getName());

    @Inject
    PropertyManifests manifests;

    @Inject
    BatchServices services;

    @Inject
    PartitionTally tally;

    @Override
    public void onSkipProcessItem(Object item, Exception e) throws Exception {
        UrlItem url = (UrlItem) item;
        ImageFailedException failure = (ImageFailedException) e;
        LOG.warning(() -> "Failed to save " + url.url() + " (" + url.address() + ", image " + url.position() + "): "
                + failure.reason());
        try {
            manifests.update(failure.folder(), manifest -> manifest.putFailure(new ManifestFailure(
                    url.url(), url.position(), failure.reason(), failure.attempts(), services.clock().instant())));
        } catch (CorruptManifestException corrupt) {
            LOG.warning(() -> "Not recorded in " + failure.folder().path() + ": " + corrupt.getMessage());
        }
        tally.failed();
    }
}
