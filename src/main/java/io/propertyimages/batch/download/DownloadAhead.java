package io.propertyimages.batch.download;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

import jakarta.annotation.Resource;

import org.jberet.cdi.PartitionScoped;

import io.propertyimages.download.DownloadFailedException;
import io.propertyimages.download.DownloadedImage;
import io.propertyimages.input.UrlItem;

/**
 * A partition's next URL, downloaded while its current one is converted, so that the partition's downloads and
 * conversions overlap instead of taking turns. The reader says which URL comes next; the processor starts its
 * download once the current URL's body is in and takes it when that URL's turn comes. A partition still has one
 * download in flight at a time, so the step's partitions still cap the downloads of a job. A download that is not
 * taken (the partition stopped, failed or rolled back to its checkpoint) is cancelled when the reader closes.
 */
@PartitionScoped
public class DownloadAhead {
    @FunctionalInterface
    interface Download {
        DownloadedImage run() throws DownloadFailedException, InterruptedException;
    }

    /** Where the batch runs its partitions (server.xml): a thread each, and one more for each download ahead. */
    @Resource(lookup = "concurrent/batchExecutor")
    Executor executor;

    /** A download started for {@code item} and not taken yet. */
    private record Started(UrlItem item, FutureTask<DownloadedImage> task) {
    }

    private UrlItem upcoming;
    private Started started;

    /** The URL the reader returns next within the chunk, or null at the end of a chunk or of the partition. */
    void upcoming(UrlItem next) {
        upcoming = next;
    }

    UrlItem upcoming() {
        return upcoming;
    }

    /** Starts downloading {@code item}, the upcoming URL, in the background; one download ahead at a time. */
    void start(UrlItem item, Download work) {
        cancel();
        FutureTask<DownloadedImage> task = new FutureTask<>(work::run);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            return; // the server is stopping: the URL is downloaded in its turn, if it comes
        }
        started = new Started(item, task);
    }

    /** The download started for {@code item}, once it is done; or, if none was, {@code work} run now. */
    DownloadedImage take(UrlItem item, Download work) throws DownloadFailedException, InterruptedException {
        if (started == null || !item.equals(started.item())) {
            cancel();
            return work.run();
        }
        FutureTask<DownloadedImage> taken = started.task();
        started = null;
        try {
            return taken.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DownloadFailedException failed) {
                throw failed;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) cause;
        }
    }

    /** Stops a download that was started and not taken. */
    void cancel() {
        if (started != null) {
            started.task().cancel(true);
            started = null;
        }
    }
}
