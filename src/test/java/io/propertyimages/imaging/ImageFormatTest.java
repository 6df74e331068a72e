package io.propertyimages.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ImageFormatTest {
    @Test
    void tellsFormatsByTheirFirstBytes() {
        assertEquals(ImageFormat.JPEG, ImageFormat.detect(Fixtures.encode(Fixtures.gradient(BufferedImage.TYPE_INT_RGB), "jpg")));
        assertEquals(ImageFormat.PNG, ImageFormat.detect(Fixtures.encode(Fixtures.gradient(BufferedImage.TYPE_INT_RGB), "png")));
        assertEquals(ImageFormat.GIF, ImageFormat.detect(Fixtures.encode(Fixtures.palette(false), "gif")));
        assertEquals(ImageFormat.BMP, ImageFormat.detect(Fixtures.encode(Fixtures.gradient(BufferedImage.TYPE_INT_RGB), "bmp")));
        assertEquals(ImageFormat.TIFF, ImageFormat.detect(Fixtures.encode(Fixtures.gradient(BufferedImage.TYPE_INT_RGB), "tiff")));
        assertEquals(ImageFormat.TIFF, ImageFormat.detect(Fixtures.resource("suite/tiff-bigtiff-hopper.tif")), "BigTIFF");
        assertEquals(ImageFormat.WEBP, ImageFormat.detect(Fixtures.resource("small-lossy.webp")));
        assertEquals(ImageFormat.AVIF, ImageFormat.detect(JpegConverterTest.ftyp("avif")));
        assertEquals(ImageFormat.HEIC, ImageFormat.detect(JpegConverterTest.ftyp("mif1")));
        assertEquals(ImageFormat.SVG, ImageFormat.detect("\uFEFF  <svg viewBox=\"0 0 1 1\"/>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ImageFormat.UNKNOWN, ImageFormat.detect("<html>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ImageFormat.UNKNOWN, ImageFormat.detect(new byte[0]));
        assertEquals("webp", ImageFormat.WEBP.label());
    }
}
