package io.propertyimages.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ThumbnailRendererTest {
    private final ThumbnailRenderer renderer = new ThumbnailRenderer(320);

    @Test
    void scalesTheLongerEdgeToTheMaximumAndKeepsTheAspectRatio() throws Exception {
        assertSize(320, 240, renderer.render(jpeg(1024, 768)));
        assertSize(160, 320, renderer.render(jpeg(600, 1200)));
        assertSize(320, 240, renderer.render(jpeg(4000, 3000)));
        assertSize(320, 1, renderer.render(jpeg(3000, 2)));
    }

    @Test
    void keepsTheSizeOfAnImageSmallerThanTheMaximum() throws Exception {
        assertSize(200, 120, renderer.render(jpeg(200, 120)));
    }

    @Test
    void keepsTheColoursOfTheImage() throws Exception {
        BufferedImage thumbnail = read(renderer.render(jpeg(2000, 1000)));

        assertClose(new Color(200, 40, 40), new Color(thumbnail.getRGB(40, 80)));
        assertClose(new Color(30, 60, 200), new Color(thumbnail.getRGB(280, 80)));
    }

    @Test
    void readsACmykJpegAsTheBrowserWouldShowIt() throws Exception {
        BufferedImage thumbnail = read(renderer.render(Fixtures.resource("cmyk-red.jpg")));

        Color centre = new Color(thumbnail.getRGB(thumbnail.getWidth() / 2, thumbnail.getHeight() / 2));
        assertTrue(centre.getRed() > 180 && centre.getGreen() < 90 && centre.getBlue() < 90, centre.toString());
    }

    @Test
    void refusesBytesThatAreNoImage() {
        ImageConversionException e = assertThrows(ImageConversionException.class,
                () -> renderer.render("<html>not found</html>".getBytes()));
        assertTrue(e.getMessage().contains("not an image"), e.getMessage());
    }

    @Test
    void refusesATruncatedImage() {
        byte[] whole = jpeg(800, 600);
        byte[] cut = Arrays.copyOf(whole, 300);

        assertThrows(ImageConversionException.class, () -> renderer.render(cut));
    }

    /** A JPEG whose left half is red and right half blue. */
    private static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 40, 40));
        g.fillRect(0, 0, width / 2, height);
        g.setColor(new Color(30, 60, 200));
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage read(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static void assertSize(int width, int height, byte[] jpeg) throws IOException {
        BufferedImage image = read(jpeg);
        assertEquals(width + "x" + height, image.getWidth() + "x" + image.getHeight());
    }

    private static void assertClose(Color expected, Color actual) {
        int distance = Math.abs(expected.getRed() - actual.getRed()) + Math.abs(expected.getGreen() - actual.getGreen())
                + Math.abs(expected.getBlue() - actual.getBlue());
        assertTrue(distance < 40, "expected about " + expected + ", got " + actual);
    }
}
