package io.propertyimages.batch.download;

import java.time.Instant;

import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.propertyimages.executions.FailedImage;
import io.propertyimages.executions.FailedImageStore;
import io.propertyimages.executions.JobLog;
import io.propertyimages.input.UrlItem;
import io.propertyimages.store.CorruptManifestException;
import io.propertyimages.store.ManifestFailure;

/**
 * Logs a URL the job skipped, with its reason, in the execution's log, and records it in the property's manifest (its latest state) and
 * among the execution's failures (what happened in this execution).
 */
@Named
@Dependent
public class FailedImageListener implements SkipProcessListener {
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

    @Inject
    JobLog log;

    @Inject
    OutputFailures outputFailures;

    @Override
    public void onSkipProcessItem(Object item, Exception e) throws Exception {
        UrlItem url = (UrlItem) item;
        ImageFailedException failure = (ImageFailedException) e;
        long executionId = jobContext.getExecutionId();
        log.warning(executionId, "Failed to save " + url.url() + " (" + url.address() + ", image " + url.position() + ") after "
                + failure.attempts() + " attempts: " + failure.reason());
        Instant now = services.clock().instant();
        try {
            manifests.update(failure.folder(), manifest -> manifest.putFailure(new ManifestFailure(
                    url.url(), url.position(), failure.reason(), failure.attempts(), now)));
        } catch (CorruptManifestException corrupt) {
            log.warning(executionId, "Not recorded in " + failure.folder().path() + ": " + corrupt.getMessage());
        } catch (OutputWriteException unwritable) {
            outputFailures.stopping(unwritable);
            throw unwritable;
        }
        failures.add(executionId,
                new FailedImage(url.url(), url.address(), url.position(), failure.reason(), failure.attempts(), now));
        tally.failed(url);
    }
}
