package io.propertyimages.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.imageio.ImageIO;

/**
 * Converts a few small images of every path (PNG RGB and RGBA, WebP lossy and lossless, CMYK and YCCK JPEG, a JPEG
 * kept as it is) before the application takes requests, so that the server's first job does not spend its first
 * seconds loading these classes and running their pixel loops interpreted: the first job of a fresh server took
 * half as long again as the next ones. A failure here is logged and changes nothing else.
 */
public final class ImagingWarmUp {
    private static final Logger LOG = Logger.getLogger(ImagingWarmUp.class.getName());
    private static final String[] RESOURCES = {"small-lossy.webp", "small-lossless.webp", "ycck-red.jpg", "cmyk-red.jpg"};
    /** Rounds over the samples: enough for the loops over their pixels to be compiled. */
    private static final int ROUNDS = 40;
    private static final int WIDTH = 160;
    private static final int HEIGHT = 120;

    private ImagingWarmUp() {
    }

    public static void run() {
        long started = System.nanoTime();
        try {
            List<byte[]> samples = samples();
            JpegConverter converter = new JpegConverter(JpegConverter.DEFAULT_MAX_PIXELS);
            for (int round = 0; round < ROUNDS; round++) {
                for (byte[] sample : samples) {
                    converter.toJpeg(sample);
                }
            }
            LOG.info(() -> "Image conversions warmed up in %d ms".formatted((System.nanoTime() - started) / 1_000_000));
        } catch (IOException | ImageConversionException | RuntimeException e) {
            LOG.warning("The warm-up of image conversions failed, so the first images convert on cold code: " + e);
        }
    }

    private static List<byte[]> samples() throws IOException {
        List<byte[]> samples = new ArrayList<>();
        samples.add(encoded(gradient(BufferedImage.TYPE_INT_RGB), "png"));
        samples.add(encoded(gradient(BufferedImage.TYPE_INT_ARGB), "png"));
        samples.add(encoded(gradient(BufferedImage.TYPE_INT_RGB), "jpeg"));
        for (String name : RESOURCES) {
            try (InputStream in = ImagingWarmUp.class.getResourceAsStream("warm-up/" + name)) {
                if (in == null) {
                    throw new IOException("missing warm-up sample " + name);
                }
                samples.add(in.readAllBytes());
            }
        }
        return samples;
    }

    /** Varied pixels, half of them translucent when the type has alpha. */
    private static BufferedImage gradient(int type) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, type);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int alpha = x < WIDTH / 2 ? 0xFF : 0x80;
                image.setRGB(x, y, alpha << 24 | (x * 255 / WIDTH) << 16 | (y * 255 / HEIGHT) << 8 | ((x ^ y) & 0xFF));
            }
        }
        return image;
    }

    private static byte[] encoded(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, bytes)) {
            throw new IOException("no " + format + " writer");
        }
        return bytes.toByteArray();
    }
}
