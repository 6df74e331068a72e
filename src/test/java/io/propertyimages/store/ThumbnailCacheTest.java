package io.propertyimages.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.propertyimages.imaging.ThumbnailRenderer;

class ThumbnailCacheTest {
    @TempDir
    Path temp;
    private Path thumbnailsRoot;
    private Path image;
    private ThumbnailCache cache;

    @BeforeEach
    void cacheAndImage() throws IOException {
        thumbnailsRoot = temp.resolve("thumbnails");
        image = Files.write(Files.createDirectories(temp.resolve("images/1-oak-ave")).resolve("img_001.jpg"), jpeg(800, 600));
        cache = new ThumbnailCache(thumbnailsRoot, new ThumbnailRenderer(320));
    }

    @Test
    void rendersAThumbnailOnceAndNamesItAfterTheImagesContent() throws Exception {
        String hash = ContentHash.md5(image);

        Path thumbnail = cache.thumbnailOf(image, hash);

        assertEquals(thumbnailsRoot.resolve(hash.substring(0, 2)).resolve(hash + "-320.jpg"), thumbnail);
        assertEquals(320, ImageIO.read(thumbnail.toFile()).getWidth());
        byte[] first = Files.readAllBytes(thumbnail);
        Files.delete(image);
        assertEquals(thumbnail, cache.thumbnailOf(image, hash), "served from the cache, without reading the image");
        assertArrayEquals(first, Files.readAllBytes(thumbnail));
        assertEquals(1, files().count(), "no temp file left behind");
    }

    @Test
    void anImageDownloadedAgainWithOtherContentGetsANewThumbnail() throws Exception {
        Path before = cache.thumbnailOf(image, ContentHash.md5(image));
        Files.write(image, jpeg(600, 800));

        Path after = cache.thumbnailOf(image, ContentHash.md5(image));

        assertNotEquals(before, after);
        assertEquals(240, ImageIO.read(after.toFile()).getWidth());
    }

    @Test
    void namesTheThumbnailAfterTheBytesItWasMadeFromWhenTheManifestIsBehind() throws Exception {
        String stale = "00000000000000000000000000000000";

        Path thumbnail = cache.thumbnailOf(image, stale);

        assertTrue(thumbnail.getFileName().toString().startsWith(ContentHash.md5(image)), thumbnail.toString());
    }

    @Test
    void aHashThatIsNoMd5NeverNamesAFile() throws Exception {
        Path thumbnail = cache.thumbnailOf(image, "../../etc/passwd");

        assertTrue(thumbnail.startsWith(thumbnailsRoot), thumbnail.toString());
        assertFalse(Files.exists(temp.resolve("etc")));
    }

    private Stream<Path> files() throws IOException {
        return Files.walk(thumbnailsRoot).filter(Files::isRegularFile);
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }
}
