package io.propertyimages.imaging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Logger;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Picks the reader of a WebP. libwebp's (webp-imageio, native) decodes a photo 5 to 15 times faster than
 * TwelveMonkeys' reader, pure Java, whose decoding was three quarters of the download job's CPU time. TwelveMonkeys'
 * stays for what libwebp's simple decoding API leaves out: animations (their first frame) and embedded colour
 * profiles (libwebp ignores them, TwelveMonkeys applies them), and for a machine where the native library does not
 * load.
 */
final class WebPReaders {
    private static final Logger LOG = Logger.getLogger(WebPReaders.class.getName());

    /** A 1x1 lossless WebP, decoded once to learn whether libwebp works on this machine. */
    private static final byte[] PROBE = Base64.getDecoder().decode("UklGRh4AAABXRUJQVlA4TBEAAAAvAAAAAAfQ//73v/+BiOh/AAA=");
    /** VP8X flags (byte 20 of the file) of the features only TwelveMonkeys' reader handles. */
    private static final int ICC_PROFILE = 0x20;
    private static final int ANIMATION = 0x02;

    private WebPReaders() {
    }

    /**
     * The reader for a WebP among the ones ImageIO offers for it; the others are disposed.
     *
     * @throws ImageConversionException when ImageIO offers none
     */
    static ImageReader choose(Iterator<ImageReader> offered, byte[] source) throws ImageConversionException {
        List<ImageReader> candidates = new ArrayList<>();
        offered.forEachRemaining(candidates::add);
        boolean wantNative = !needsJavaReader(source) && NativeDecoder.WORKS;
        ImageReader chosen = candidates.stream()
                .filter(reader -> isNative(reader) == wantNative)
                .findFirst()
                .or(() -> candidates.stream().filter(reader -> !isNative(reader)).findFirst())
                .orElseThrow(() -> new ImageConversionException("unsupported format webp (no reader)"));
        candidates.stream().filter(reader -> reader != chosen).forEach(ImageReader::dispose);
        return chosen;
    }

    /** Whether a WebP is animated or embeds a colour profile, read from its VP8X header when it has one. */
    static boolean needsJavaReader(byte[] source) {
        return source.length > 20 && source[12] == 'V' && source[13] == 'P' && source[14] == '8' && source[15] == 'X'
                && (source[20] & (ICC_PROFILE | ANIMATION)) != 0;
    }

    /** Whether {@code reader} is TwelveMonkeys' WebP reader, which needs far more heap than libwebp's (see {@link HeapBudget}). */
    static boolean isJavaWebPReader(ImageReader reader) {
        return reader.getOriginatingProvider() instanceof com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
    }

    private static boolean isNative(ImageReader reader) {
        return reader.getOriginatingProvider() instanceof com.luciad.imageio.webp.WebPImageReaderSpi;
    }

    /** Loaded on the first WebP: whether libwebp loads and decodes here (its library is extracted to java.io.tmpdir). */
    private static final class NativeDecoder {
        static final boolean WORKS = probe();

        private static boolean probe() {
            ImageReader reader = new com.luciad.imageio.webp.WebPImageReaderSpi().createReaderInstance(null);
            try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(PROBE))) {
                reader.setInput(in);
                reader.read(0);
                LOG.info("WebP images are decoded by libwebp (webp-imageio)");
                return true;
            } catch (IOException | RuntimeException | LinkageError e) {
                LOG.warning("libwebp (webp-imageio) does not work on this machine, so WebP images are decoded by"
                        + " TwelveMonkeys' Java decoder, 5 to 15 times slower: " + e);
                return false;
            } finally {
                reader.dispose();
            }
        }
    }
}
