package io.propertyimages.batch.download;

import java.io.Serializable;
import java.nio.file.Path;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.propertyimages.input.PropertyListFiles;
import io.propertyimages.input.UrlItem;
import io.propertyimages.input.UrlItemSource;

/**
 * Streams this partition's URL items from the input file and, on restart, skips those its checkpoint has covered.
 * It tells {@link DownloadAhead} which URL comes next within the chunk, never across a checkpoint, so a partition
 * that is stopped or killed has downloaded nothing beyond its uncommitted chunk.
 */
@Named
@Dependent
public class UrlItemReader extends AbstractItemReader {
    @Inject
    @BatchProperty
    String input;

    @Inject
    @BatchProperty
    int partitionNumber;

    @Inject
    @BatchProperty
    int partitionCount;

    @Inject
    @BatchProperty
    int chunkSize;

    @Inject
    PartitionTally tally;

    @Inject
    DownloadAhead ahead;

    private UrlItemSource source;
    private InputFingerprint fingerprint;
    private UrlItem next;
    /** Items returned since the reader was opened: a chunk ends after each {@code chunkSize} of them. */
    private long returned;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        Path file = Path.of(input);
        fingerprint = InputFingerprint.of(file);
        long resumeAt = 0;
        if (checkpoint instanceof UrlCheckpoint saved) {
            if (!saved.input().equals(fingerprint)) {
                throw new IllegalStateException("The input " + file + " changed since this execution started;"
                        + " start a new execution instead of restarting this one");
            }
            resumeAt = saved.nextIndex();
        }
        returned = 0;
        source = PropertyListFiles.open(file);
        next = nextOfPartition();
        while (next != null && next.index() < resumeAt) {
            next = nextOfPartition();
        }
    }

    @Override
    public Object readItem() throws Exception {
        UrlItem item = next;
        if (item == null) {
            tally.readAll();
        } else {
            tally.reading(item);
            next = nextOfPartition();
            returned++;
        }
        ahead.upcoming(returned % chunkSize == 0 ? null : next);
        return item;
    }

    @Override
    public Serializable checkpointInfo() {
        return next == null
                ? new UrlCheckpoint(Long.MAX_VALUE, -1, -1, fingerprint)
                : new UrlCheckpoint(next.index(), next.propertyIndex(), next.position(), fingerprint);
    }

    @Override
    public void close() throws Exception {
        ahead.cancel();
        if (source != null) {
            source.close();
        }
    }

    private UrlItem nextOfPartition() throws Exception {
        for (UrlItem item = source.next(); item != null; item = source.next()) {
            if (item.propertyIndex() % partitionCount == partitionNumber) {
                return item;
            }
        }
        return null;
    }
}
