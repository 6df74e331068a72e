package io.propertyimages.imaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads the structure of JPEG bytes without decoding them. */
final class JpegMarkers {
    private static final int MARKER = 0xFF;
    private static final int END_OF_IMAGE = 0xD9;
    private static final int START_OF_SCAN = 0xDA;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final byte[] ICC_PROFILE = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ADOBE = "Adobe".getBytes(StandardCharsets.US_ASCII);

    private JpegMarkers() {
    }

    /**
     * What the segments before the first scan say of the colours: the number of components of the frame, whether an
     * ICC profile is embedded (APP2 {@code ICC_PROFILE}), and the colour transform of an Adobe APP14 segment (0: none,
     * so CMYK for four components; 1: YCbCr; 2: YCCK), -1 without one.
     */
    record ColourHeader(int components, boolean iccProfile, int adobeTransform) {
    }

    /** The colour header, or empty when the segments cannot be walked to a frame header. */
    static Optional<ColourHeader> colourHeader(byte[] jpeg) {
        int components = -1;
        boolean icc = false;
        int adobe = -1;
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == MARKER) {
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == MARKER) {
                at++;
                continue;
            }
            if (marker == START_OF_SCAN || marker == END_OF_IMAGE) {
                break;
            }
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            int payload = at + 4;
            if (length < 2 || payload + length - 2 > jpeg.length) {
                return Optional.empty();
            }
            if (isStartOfFrame(marker) && length >= 8) {
                components = jpeg[payload + 5] & 0xFF;
            } else if (marker == APP2 && startsWith(jpeg, payload, length - 2, ICC_PROFILE)) {
                icc = true;
            } else if (marker == APP14 && length - 2 >= 12 && startsWith(jpeg, payload, length - 2, ADOBE)) {
                adobe = jpeg[payload + 11] & 0xFF;
            }
            at = payload + length - 2;
        }
        return components < 0 ? Optional.empty() : Optional.of(new ColourHeader(components, icc, adobe));
    }

    /**
     * Whether the bytes end with the end-of-image marker ({@code FF D9}), ignoring trailing padding some encoders add:
     * a download cut short has none.
     */
    static boolean endsWithEndOfImage(byte[] jpeg) {
        int end = jpeg.length;
        while (end > 2 && (jpeg[end - 1] == 0 || jpeg[end - 1] == '\n' || jpeg[end - 1] == '\r')) {
            end--;
        }
        return end >= 2 && (jpeg[end - 2] & 0xFF) == MARKER && (jpeg[end - 1] & 0xFF) == END_OF_IMAGE;
    }

    /**
     * The sample precision in bits that the frame header (SOFn) declares: 8 for the JPEGs browsers show, 12 (or 16
     * for lossless ones) for those they do not; 0 when no frame header comes before the first scan.
     */
    static int samplePrecision(byte[] jpeg) {
        int at = 2;
        while (at + 4 < jpeg.length) {
            if ((jpeg[at] & 0xFF) != MARKER) {
                return 0;
            }
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == MARKER) {
                at++;
                continue;
            }
            if (marker == START_OF_SCAN) {
                return 0;
            }
            if (isStartOfFrame(marker)) {
                return jpeg[at + 4] & 0xFF;
            }
            boolean standalone = marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8);
            at += standalone ? 2 : 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        return 0;
    }

    /** SOF0 to SOF15 but DHT (C4), JPG (C8) and DAC (CC). */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean startsWith(byte[] bytes, int offset, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
