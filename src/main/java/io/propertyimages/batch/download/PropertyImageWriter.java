package io.propertyimages.batch.download;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.propertyimages.imaging.JpegImage;
import io.propertyimages.store.AtomicFiles;
import io.propertyimages.store.ManifestEntry;

/**
 * Saves a chunk's images, each atomically, then rewrites each property's manifest once for the chunk. An image
 * whose manifest entry a crash lost is simply saved again under the same name on restart. A file it cannot write
 * stops the job, with the file and the reason in the execution's log and exit status ({@link OutputFailures}).
 */
@Named
@Dependent
public class PropertyImageWriter extends AbstractItemWriter {
    @Inject
    PropertyManifests manifests;

    @Inject
    PartitionTally tally;

    @Inject
    OutputFailures failures;

    @Override
    public void writeItems(List<Object> items) throws Exception {
        try {
            write(items);
        } catch (OutputWriteException e) {
            failures.stopping(e);
            throw e;
        }
    }

    private void write(List<Object> items) throws IOException {
        Map<PropertyFolder, List<ImageToSave>> byFolder = new LinkedHashMap<>();
        for (Object item : items) {
            ImageToSave image = (ImageToSave) item;
            byFolder.computeIfAbsent(image.folder(), f -> new ArrayList<>()).add(image);
        }
        for (Map.Entry<PropertyFolder, List<ImageToSave>> folder : byFolder.entrySet()) {
            manifests.update(folder.getKey(), manifest -> {
                for (ImageToSave image : folder.getValue()) {
                    String filename = manifest.filenameFor(image.item().url(), image.item().position());
                    JpegImage jpeg = image.jpeg();
                    Path file = folder.getKey().path().resolve(filename);
                    try {
                        AtomicFiles.write(file, jpeg.bytes());
                    } catch (IOException e) {
                        throw OutputWriteException.writing(file, e);
                    }
                    manifest.put(new ManifestEntry(filename, image.item().url(), image.downloadedAt(),
                            jpeg.bytes().length, jpeg.width(), jpeg.height(), image.contentHash(),
                            jpeg.originalFormat().label(), image.item().address(),
                            jpeg.firstFrameOnly() ? Boolean.TRUE : null, image.etag(), image.lastModified()));
                    tally.downloaded(image.item(), jpeg.bytes().length);
                }
            });
        }
    }
}
