package io.propertyimages.batch.cleanup;

import java.io.Serializable;
import java.time.Instant;

/**
 * Where a cleanup goes on after a restart: after the folder {@code lastFolder} (folders are taken in name order;
 * {@code null} before the first), with the cutoff the first execution computed, so the whole cleanup uses one.
 */
public record FolderCheckpoint(String lastFolder, Instant cutoff) implements Serializable {
}
