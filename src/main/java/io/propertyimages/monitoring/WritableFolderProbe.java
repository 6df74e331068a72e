package io.propertyimages.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a folder takes new files, tried for real: the folder is created if it is missing, then a small file is
 * written into it and removed again.
 */
final class WritableFolderProbe {
    private WritableFolderProbe() {
    }

    /** What stops writing into {@code folder}, or empty when a file could be written and removed. */
    static Optional<String> problemWith(Path folder) {
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".ready-", ".tmp");
            try {
                Files.write(probe, new byte[] {1});
            } finally {
                Files.deleteIfExists(probe);
            }
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of(folder + " is not writable: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }
}
