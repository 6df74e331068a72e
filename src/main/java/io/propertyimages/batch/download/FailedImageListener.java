package io.propertyimages.batch.download;

import java.time.Instant;
import java.util.logging.Logger;

import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.propertyimages.executions.FailedImage;
import io.propertyimages.executions.FailedImageStore;
import io.propertyimages.input.UrlItem;
import io.propertyimages.store.CorruptManifestException;
import io.propertyimages.store.ManifestFailure;

/**
 * Logs a URL the job skipped, with its reason, and records it in the property's manifest (its latest state) and
 * among the execution's failures (what happened in this execution).
 */
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

    @Inject
    FailedImageStore failures;

    @Inject
    JobContext jobContext;

    @Override
    public void onSkipProcessItem(Object item, Exception e) throws Exception {
        UrlItem url = (UrlItem) item;
        ImageFailedException failure = (ImageFailedException) e;
        LOG.warning(() -> "Failed to save " + url.url() + " (" + url.address() + ", image " + url.position() + "): "
                + failure.reason());
        Instant now = services.clock().instant();
        try {
            manifests.update(failure.folder(), manifest -> manifest.putFailure(new ManifestFailure(
                    url.url(), url.position(), failure.reason(), failure.attempts(), now)));
        } catch (CorruptManifestException corrupt) {
            LOG.warning(() -> "Not recorded in " + failure.folder().path() + ": " + corrupt.getMessage());
        }
        failures.add(jobContext.getExecutionId(),
                new FailedImage(url.url(), url.address(), url.position(), failure.reason(), failure.attempts(), now));
        tally.failed();
    }
}
