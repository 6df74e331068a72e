package io.propertyimages.batch.cleanup;

import java.nio.file.Path;
import java.time.Instant;

/** What the reader hands the processor: a property folder and the cutoff its contents are measured against. */
record FolderToClean(Path folder, Instant cutoff) {
}
