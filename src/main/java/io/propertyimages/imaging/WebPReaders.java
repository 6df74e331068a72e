package io.propertyimages.imaging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.logging.Logger;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The readers of WebP. libwebp's (webp-imageio, native) decodes every WebP ({@link WebPDecoder}): 5 to 15 times
 * faster than TwelveMonkeys' reader, pure Java, and without the tint of its lossy decoder (haraldk/TwelveMonkeys
 * #734, #864, #1102, fixed in no release served here). TwelveMonkeys' reader, which {@link ReaderChoice} picks
 * among those ImageIO offers, is only the fallback for a machine where the native library does not load.
 */
final class WebPReaders {
    private static final Logger LOG = Logger.getLogger(WebPReaders.class.getName());

    /** A 1x1 lossless WebP, decoded once to learn whether libwebp works on this machine. */
    private static final byte[] PROBE = Base64.getDecoder().decode("UklGRh4AAABXRUJQVlA4TBEAAAAvAAAAAAfQ//73v/+BiOh/AAA=");

    private WebPReaders() {
    }

    /** Whether libwebp loads and decodes on this machine (learnt on the first WebP; its library is extracted to java.io.tmpdir). */
    static boolean libwebpWorks() {
        return NativeDecoder.WORKS;
    }

    /** A new reader of libwebp's. */
    static ImageReader libwebp() {
        return new com.luciad.imageio.webp.WebPImageReaderSpi().createReaderInstance(null);
    }

    /** Whether {@code reader} is TwelveMonkeys' WebP reader, which needs far more heap than libwebp's (see {@link HeapBudget}). */
    static boolean isJavaWebPReader(ImageReader reader) {
        return reader.getOriginatingProvider() instanceof com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
    }

    private static final class NativeDecoder {
        static final boolean WORKS = probe();

        private static boolean probe() {
            ImageReader reader = libwebp();
            try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(PROBE))) {
                reader.setInput(in);
                reader.read(0);
                LOG.info("WebP images are decoded by libwebp (webp-imageio)");
                return true;
            } catch (IOException | RuntimeException | LinkageError e) {
                LOG.warning("libwebp (webp-imageio) does not work on this machine, so WebP images are decoded by"
                        + " TwelveMonkeys' Java decoder, 5 to 15 times slower, whose lossy decoding tints: " + e);
                return false;
            } finally {
                reader.dispose();
            }
        }
    }
}
