package io.propertyimages.imaging;

import java.util.concurrent.Semaphore;

import javax.imageio.ImageReader;

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
    /** What other readers take, libwebp's included: the decoded raster, its copy on white, the encoder's buffers. */
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
    static long estimate(ImageReader reader, int width, int height) {
        return WebPReaders.isJavaWebPReader(reader) ? (long) width * height * JAVA_WEBP_BYTES_PER_PIXEL : estimate(width, height);
    }

    /**
     * What decoding and re-encoding an image of {@code width} x {@code height} pixels takes with libwebp or the
     * other readers: for a WebP, the frame in ints (4 bytes a pixel at most), the white canvas (3), its sRGB copy
     * when a profile applies (3) and the encoder's buffers.
     */
    static long estimate(int width, int height) {
        return (long) width * height * BYTES_PER_PIXEL;
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
