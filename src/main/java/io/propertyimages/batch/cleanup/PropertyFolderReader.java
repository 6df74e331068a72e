package io.propertyimages.batch.cleanup;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.propertyimages.batch.download.BatchServices;
import io.propertyimages.store.OutputDirectories;

/**
 * Reads the property folders directly under {@code outputDir}, in name order, each with the cutoff
 * {@code maxAgeDays} before the start of the cleanup; on restart, goes on after the checkpoint's folder.
 */
@Named
@Dependent
public class PropertyFolderReader extends AbstractItemReader {
    @Inject
    BatchServices services;

    @Inject
    @BatchProperty
    String outputDir;

    @Inject
    @BatchProperty
    int maxAgeDays;

    private Instant cutoff;
    private String lastFolder;
    private Iterator<Path> folders;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        Path root = OutputDirectories.resolve(services.imagesRoot(), outputDir);
        if (checkpoint instanceof FolderCheckpoint saved) {
            cutoff = saved.cutoff();
            lastFolder = saved.lastFolder();
        } else {
            cutoff = services.clock().instant().minus(Duration.ofDays(maxAgeDays));
        }
        folders = foldersAfter(root, lastFolder).iterator();
    }

    @Override
    public Object readItem() {
        if (!folders.hasNext()) {
            return null;
        }
        Path folder = folders.next();
        lastFolder = folder.getFileName().toString();
        return new FolderToClean(folder, cutoff);
    }

    @Override
    public Serializable checkpointInfo() {
        return new FolderCheckpoint(lastFolder, cutoff);
    }

    private static List<Path> foldersAfter(Path root, String lastFolder) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> lastFolder == null || p.getFileName().toString().compareTo(lastFolder) > 0)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }
}
