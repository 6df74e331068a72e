package io.propertyimages.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import io.propertyimages.imaging.ImageConversionException;
import io.propertyimages.imaging.ThumbnailRenderer;

/**
 * Thumbnails of saved images, rendered once and kept in a folder of their own: outside the images root, where
 * cleanup-images would take them for orphans. A thumbnail is named after the MD5 of the image it was made from and
 * its size ({@code 5d/5d41402abc4b2a76b9719d911017c592-320.jpg}), so an image downloaded again with other content
 * gets a new one, and a changed size setting does not serve old ones. Written atomically; thread-safe (two requests
 * for a missing thumbnail may both render it, and write the same bytes).
 */
public final class ThumbnailCache {
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

    private final Path root;
    private final ThumbnailRenderer renderer;

    public ThumbnailCache(Path thumbnailsRoot, ThumbnailRenderer renderer) {
        this.root = thumbnailsRoot.toAbsolutePath().normalize();
        this.renderer = renderer;
    }

    /**
     * The thumbnail file of {@code image}, whose manifest records {@code contentHash}: the cached one, else one rendered
     * now. It is cached under the hash of the bytes actually read, so it always shows what it is named after, even
     * when the image changed after its manifest entry was read.
     */
    public Path thumbnailOf(Path image, String contentHash) throws IOException, ImageConversionException {
        if (contentHash != null && MD5.matcher(contentHash).matches()) {
            Path cached = fileFor(contentHash);
            if (Files.isRegularFile(cached)) {
                return cached;
            }
        }
        byte[] source = Files.readAllBytes(image);
        Path target = fileFor(ContentHash.md5(source));
        if (!Files.isRegularFile(target)) {
            AtomicFiles.write(target, renderer.render(source));
        }
        return target;
    }

    Path fileFor(String md5) {
        return root.resolve(md5.substring(0, 2)).resolve(md5 + "-" + renderer.maxEdge() + ".jpg");
    }
}
