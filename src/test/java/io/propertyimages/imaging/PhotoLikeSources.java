package io.propertyimages.imaging;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Sources that look like listing photos to an encoder (smooth gradients, texture, noise), made the same way every
 * time; WebP and CMYK JPEG come from {@code src/test/resources/benchmark}, as ImageIO cannot write them. Public for
 * the job benchmark's corpus ({@code io.propertyimages.benchmark}).
 */
public final class PhotoLikeSources {
    private PhotoLikeSources() {
    }

    public static byte[] make(String kind, int width, int height) throws IOException {
        return switch (kind) {
            case "jpeg-kept" -> jpeg(photo(width, height, false));
            case "jpeg-cmyk" -> resource("photo-" + width + "x" + height + "-cmyk.jpg");
            case "png-rgb" -> png(photo(width, height, false));
            case "png-rgba" -> png(photo(width, height, true));
            case "webp-lossy" -> resource("photo-" + width + "x" + height + "-lossy.webp");
            case "webp-lossless" -> resource("photo-" + width + "x" + height + "-lossless.webp");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    static BufferedImage photo(int width, int height, boolean alpha) {
        return photo(width, height, alpha, 42);
    }

    /** A photo-like image; each seed gives other colours and other noise. */
    public static BufferedImage photo(int width, int height, boolean alpha, long seed) {
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        Color from = seed == 42 ? new Color(90, 127, 176) : new Color(random.nextInt(0xFFFFFF));
        Color to = seed == 42 ? new Color(216, 195, 154) : new Color(random.nextInt(0xFFFFFF));
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, from, width, height, to));
        g.fillRect(0, 0, width, height);
        g.dispose();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int texture = (int) (12 * Math.sin(x / 7.0) * Math.cos(y / 11.0)) + random.nextInt(17) - 8;
                int a = alpha && x < width / 4 ? 0 : 255;
                image.setRGB(x, y, a << 24 | clamp((rgb >> 16 & 255) + texture) << 16 | clamp((rgb >> 8 & 255) + texture) << 8
                        | clamp((rgb & 255) + texture));
            }
        }
        return image;
    }

    static byte[] jpeg(BufferedImage image) throws IOException {
        return jpeg(image, false);
    }

    /** The image as a baseline or progressive JPEG, quality as the converter writes. */
    public static byte[] jpeg(BufferedImage image, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JpegEncoder.QUALITY);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    public static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** A file of {@code src/test/resources}, by its path there ({@code benchmark/...}, {@code images/...}). */
    public static byte[] testResource(String path) throws IOException {
        try (InputStream in = PhotoLikeSources.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing /" + path);
            }
            return in.readAllBytes();
        }
    }

    private static byte[] resource(String name) throws IOException {
        return testResource("benchmark/" + name);
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
