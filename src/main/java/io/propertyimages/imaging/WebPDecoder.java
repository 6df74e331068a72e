package io.propertyimages.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes a WebP with libwebp as browsers show it: the first frame of an animation on the canvas at its offset, what
 * is transparent white, and the embedded colour profile applied (libwebp ignores it). One decode per instance.
 */
final class WebPDecoder {
    private final WebPContainer webp;
    private final int width;
    private final int height;

    private WebPDecoder(WebPContainer webp, int width, int height) {
        this.webp = webp;
        this.width = width;
        this.height = height;
    }

    /**
     * Reads what decoding needs from the file's headers, no pixel yet.
     *
     * @throws ImageConversionException when the container is corrupt
     * @throws IOException when libwebp cannot read the header of a simple file's bitstream
     */
    static WebPDecoder of(byte[] source) throws ImageConversionException, IOException {
        WebPContainer webp = WebPContainer.parse(source);
        if (webp.canvasWidth() > 0) {
            return new WebPDecoder(webp, webp.canvasWidth(), webp.canvasHeight());
        }
        int[] size = withReader(webp.firstFrame().still(), reader -> new int[] {reader.getWidth(0), reader.getHeight(0)});
        return new WebPDecoder(webp, size[0], size[1]);
    }

    /** The width of what a browser shows: the canvas. */
    int width() {
        return width;
    }

    int height() {
        return height;
    }

    boolean animated() {
        return webp.animated();
    }

    /** Whether the WebP is one still frame without a colour profile: its decoded ints go straight to bytes. */
    boolean isStill() {
        return !webp.animated() && webp.iccProfile().isEmpty();
    }

    /** The first frame on a white canvas, in sRGB, on bytes as {@link JpegEncoder} prefers. */
    BufferedImage decode() throws IOException {
        BufferedImage frame = withReader(webp.firstFrame().still(), WebPDecoder::read);
        BufferedImage canvas = fillsTheCanvas(frame) ? WhiteBackground.flatten(frame) : onCanvas(frame);
        return webp.iccProfile().flatMap(ColorProfile::rgbOtherThanSrgb)
                .map(profile -> ColorProfile.toSrgb(canvas, profile))
                .orElse(canvas);
    }

    /** A still WebP's frame, or an animation's that covers it, is the canvas: no drawing, its ints straight to bytes. */
    private boolean fillsTheCanvas(BufferedImage frame) {
        return webp.firstFrame().x() == 0 && webp.firstFrame().y() == 0 && frame.getWidth() == width && frame.getHeight() == height;
    }

    private BufferedImage onCanvas(BufferedImage frame) {
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(frame, webp.firstFrame().x(), webp.firstFrame().y(), null);
        } finally {
            g.dispose();
        }
        return canvas;
    }

    /** How webp-imageio reports libwebp's status (VP8StatusCode): {@code Decode returned code NotEnoughData}. */
    private static final Pattern DECODE_STATUS = Pattern.compile("Decode returned code (\\w+)");

    /** The first image, a failure's status in words: {@code libwebp: not enough data} for a file cut short. */
    private static BufferedImage read(ImageReader reader) throws IOException {
        try {
            return reader.read(0);
        } catch (IOException e) {
            Matcher status = DECODE_STATUS.matcher(String.valueOf(e.getMessage()));
            if (status.matches()) {
                throw new IOException("libwebp: " + status.group(1).replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT));
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface ReaderWork<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private static <T> T withReader(byte[] still, ReaderWork<T> work) throws IOException {
        ImageReader reader = WebPReaders.libwebp();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(still))) {
            reader.setInput(in, true, true);
            return work.apply(reader);
        } finally {
            reader.dispose();
        }
    }
}
