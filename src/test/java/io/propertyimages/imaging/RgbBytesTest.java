package io.propertyimages.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The loops of RgbBytes give the pixels Java2D gives for the same work. */
class RgbBytesTest {
    private static final int WIDTH = 97;
    private static final int HEIGHT = 31;

    @Test
    void putsRgbaOnWhiteAsJava2dDrawsItOnWhite() {
        BufferedImage abgr = randomPixels(BufferedImage.TYPE_4BYTE_ABGR);
        BufferedImage rgba = RgbBytes.RGBA.createBufferedImage(WIDTH, HEIGHT);
        rgba.getRaster().setRect(abgr.getRaster());
        assertTrue(RgbBytes.isRgba(rgba));

        assertSamePixels(drawnOnWhite(abgr), RgbBytes.rgbaOnWhite(rgba));
    }

    @Test
    void putsIntArgbOnWhiteAsJava2dDrawsItOnWhite() {
        BufferedImage argb = randomPixels(BufferedImage.TYPE_INT_ARGB);

        assertSamePixels(drawnOnWhite(argb), RgbBytes.intArgbOnWhite(argb));
    }

    @Test
    void blendsEveryAlphaAndValueAsJava2dDoes() {
        BufferedImage argb = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        for (int alpha = 0; alpha < 256; alpha++) {
            for (int value = 0; value < 256; value++) {
                argb.setRGB(value, alpha, alpha << 24 | value << 16 | value << 8 | value);
            }
        }

        assertSamePixels(drawnOnWhite(argb), RgbBytes.intArgbOnWhite(argb));
    }

    @Test
    void copiesOpaqueImagesOfOtherLayoutsIntoRgbBytes() {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_BGR}) {
            BufferedImage source = randomPixels(type);
            BufferedImage rgb = RgbBytes.of(source);

            assertTrue(RgbBytes.isRgb(rgb));
            assertSamePixels(source, rgb);
        }
    }

    @Test
    void takesAnRgbImageAsItIsAndTellsLayoutsApart() {
        BufferedImage rgb = RgbBytes.create(WIDTH, HEIGHT);

        assertSame(rgb, RgbBytes.of(rgb));
        assertFalse(RgbBytes.isRgb(new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR)));
        assertFalse(RgbBytes.isRgba(rgb));
        assertFalse(RgbBytes.isRgb(rgb.getSubimage(1, 1, 10, 10)), "a part of a larger buffer");
    }

    private static BufferedImage randomPixels(int type) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, type);
        Random random = new Random(type);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    private static BufferedImage drawnOnWhite(BufferedImage image) {
        BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return bgr;
    }

    static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        int width = expected.getWidth();
        int height = expected.getHeight();
        assertArrayEquals(expected.getRGB(0, 0, width, height, null, 0, width), actual.getRGB(0, 0, width, height, null, 0, width));
    }
}
