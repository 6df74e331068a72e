package io.propertyimages.imaging;

import java.awt.image.DataBuffer;
import java.io.IOException;
import java.util.concurrent.Semaphore;

import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;

/**
 * The heap that images being decoded may take together: a decode reserves what its pixels will need before it
 * starts, waits while others hold the budget, and an image that would need more than the whole budget fails with a
 * reason instead of running the server out of memory. The pixel limit alone cannot promise that: TwelveMonkeys' WebP
 * decoder, the fallback where libwebp does not load, needs 20 to 30 bytes of heap per pixel, so a WebP of 50
 * megapixels (the default limit) would need over a gigabyte.
 */
final class HeapBudget {
    /** What a WebP takes while TwelveMonkeys' reader decodes it (the job benchmark measured 20 to 30). */
    static final int JAVA_WEBP_BYTES_PER_PIXEL = 32;
    /**
     * What the JDK's reader of 8-bit PNGs takes, their pixels copied in loops over arrays ({@link RgbBytes}): the
     * decoded raster, its RGB bytes, the JPEG (at most 8.5 bytes a pixel were allocated in all), and a copy of the
     * raster (3 or 4) when a gAMA chunk re-encodes its colours.
     */
    static final int PNG_ARRAY_PATH_BYTES_PER_PIXEL = 14;
    /** What libwebp takes for a still WebP that needs no canvas (at most 8.5 bytes a pixel were allocated in all). */
    static final int STILL_WEBP_BYTES_PER_PIXEL = 10;
    /** What other readers take: the decoded raster, its copy on white and in RGB bytes, the encoder's buffers. */
    static final int BYTES_PER_PIXEL = 16;
    /** The share of the maximum heap that decodes may take; the rest is the server's and the downloads' own. */
    private static final double SHARE_OF_HEAP = 0.6;
    /** Semaphore permits are ints: the budget is counted in blocks of 64 KB. */
    private static final long BLOCK = 64 * 1024;

    private final long budgetBytes;
    private final Semaphore blocks;

    HeapBudget(long budgetBytes) {
        if (budgetBytes < BLOCK) {
            throw new IllegalArgumentException("a heap budget of at least " + BLOCK + " bytes, not " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
        this.blocks = new Semaphore((int) Math.min(Integer.MAX_VALUE, budgetBytes / BLOCK), true);
    }

    /** The budget of this JVM: a share of its maximum heap ({@code -Xmx}). */
    static HeapBudget ofThisJvm() {
        return new HeapBudget((long) (Runtime.getRuntime().maxMemory() * SHARE_OF_HEAP));
    }

    /** What decoding and re-encoding an image of {@code width} x {@code height} pixels with {@code reader} takes. */
    static long estimate(ImageReader reader, ImageFormat format, int width, int height) throws IOException {
        return (long) width * height * bytesPerPixel(reader, format);
    }

    /**
     * What decoding and re-encoding a WebP of {@code width} x {@code height} pixels takes with libwebp: the frame in
     * ints (4 bytes a pixel), its RGB bytes on white (3) and the JPEG; an animation's frame or a WebP with a colour
     * profile takes the white canvas (3) and its sRGB copy (3) besides.
     */
    static long estimateWebP(int width, int height, boolean still) {
        return (long) width * height * (still ? STILL_WEBP_BYTES_PER_PIXEL : BYTES_PER_PIXEL);
    }

    private static int bytesPerPixel(ImageReader reader, ImageFormat format) throws IOException {
        if (WebPReaders.isJavaWebPReader(reader)) {
            return JAVA_WEBP_BYTES_PER_PIXEL;
        }
        if (format == ImageFormat.PNG && hasByteSamples(reader)) {
            return PNG_ARRAY_PATH_BYTES_PER_PIXEL;
        }
        return BYTES_PER_PIXEL;
    }

    /** Whether the PNG has at most 8 bits a sample, which its reader decodes to bytes (16-bit ones to shorts). */
    private static boolean hasByteSamples(ImageReader reader) throws IOException {
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        return raw != null && raw.getSampleModel().getDataType() == DataBuffer.TYPE_BYTE;
    }

    /**
     * Runs {@code decode} once {@code bytes} of the budget are free, and frees them after.
     *
     * @throws ImageConversionException when {@code bytes} exceed the whole budget
     */
    <T, E extends Exception> T run(long bytes, String image, DecodeSlots.Decode<T, E> decode) throws E, ImageConversionException {
        if (bytes > budgetBytes) {
            throw new ImageConversionException("image too large for this server's memory: " + image + " needs about "
                    + megabytes(bytes) + " MB to convert, more than the " + megabytes(budgetBytes)
                    + " MB the heap allows (raise -Xmx in jvm.options, or lower image.max.pixels)");
        }
        int needed = (int) Math.max(1, (bytes + BLOCK - 1) / BLOCK);
        blocks.acquireUninterruptibly(needed);
        try {
            return decode.run();
        } finally {
            blocks.release(needed);
        }
    }

    private static long megabytes(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }
}
