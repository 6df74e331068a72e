package io.propertyimages.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.config.PropertyNamingStrategy;

/** Reads and atomically writes the {@code images_manifest.json} of property folders. Thread-safe. */
public final class ManifestStore {
    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withFormatting(true));
    private final Clock clock;

    public ManifestStore(Clock clock) {
        this.clock = clock;
    }

    /** The folder's manifest, or an empty one for the address when the folder has none yet. */
    public ImageManifest load(Path folder, String propertyAddress) throws IOException {
        Path file = folder.resolve(ImageManifest.FILE_NAME);
        try (InputStream in = Files.newInputStream(file)) {
            ImageManifest manifest = jsonb.fromJson(in, ImageManifest.class);
            if (manifest == null) {
                throw new CorruptManifestException(file, "empty file");
            }
            return manifest;
        } catch (NoSuchFileException e) {
            return ImageManifest.empty(propertyAddress);
        } catch (JsonbException e) {
            throw new CorruptManifestException(file, e.getMessage());
        }
    }

    public void save(Path folder, ImageManifest manifest) throws IOException {
        manifest.setLastUpdated(clock.instant());
        AtomicFiles.write(folder.resolve(ImageManifest.FILE_NAME), toJson(manifest).getBytes(StandardCharsets.UTF_8));
    }

    /** The manifest as its file holds it. */
    public String toJson(ImageManifest manifest) {
        return jsonb.toJson(manifest);
    }
}
