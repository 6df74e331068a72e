package io.propertyimages.imaging;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Renders the thumbnail of a saved image: a JPEG of quality 80 whose longer edge is at most {@code maxEdge} pixels
 * (a smaller image keeps its size). A large photo is decoded with subsampling, so it is never held at full size, and
 * then halved step by step, which keeps the detail that one big bilinear step would alias away.
 * Thread-safe: every call has its own reader.
 */
public final class ThumbnailRenderer {
    public static final int DEFAULT_MAX_EDGE = 320;
    static final float QUALITY = 0.80f;

    private final int maxEdge;

    public ThumbnailRenderer(int maxEdge) {
        if (maxEdge < 1) {
            throw new IllegalArgumentException("maxEdge must be positive: " + maxEdge);
        }
        this.maxEdge = maxEdge;
    }

    public int maxEdge() {
        return maxEdge;
    }

    public byte[] render(byte[] image) throws ImageConversionException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageConversionException("not an image (no reader for it)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int longerEdge = Math.max(reader.getWidth(0), reader.getHeight(0));
                int subsampling = Math.max(1, longerEdge / (2 * maxEdge));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                return JpegEncoder.encode(scaled(reader.read(0, param)), QUALITY);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ImageConversionException("cannot make a thumbnail: " + e.getMessage(), e);
        }
    }

    private BufferedImage scaled(BufferedImage source) {
        double scale = Math.min(1.0, (double) maxEdge / Math.max(source.getWidth(), source.getHeight()));
        int targetWidth = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int targetHeight = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage current = source;
        do {
            int width = Math.max(targetWidth, current.getWidth() / 2);
            int height = Math.max(targetHeight, current.getHeight() / 2);
            current = drawn(current, width, height);
        } while (current.getWidth() > targetWidth || current.getHeight() > targetHeight);
        return current;
    }

    /** The image drawn at the given size on an opaque RGB canvas, which is what the JPEG writer takes. */
    private static BufferedImage drawn(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
