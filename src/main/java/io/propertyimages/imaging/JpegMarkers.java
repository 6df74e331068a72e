package io.propertyimages.imaging;

/** Reads the structure of JPEG bytes without decoding them. */
final class JpegMarkers {
    private static final int MARKER = 0xFF;
    private static final int END_OF_IMAGE = 0xD9;
    private static final int START_OF_SCAN = 0xDA;

    private JpegMarkers() {
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
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                return jpeg[at + 4] & 0xFF;
            }
            boolean standalone = marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8);
            at += standalone ? 2 : 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        return 0;
    }
}
