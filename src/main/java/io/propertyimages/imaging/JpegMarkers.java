package io.propertyimages.imaging;

/** Reads the structure of JPEG bytes without decoding them. */
final class JpegMarkers {
    private static final int MARKER = 0xFF;
    private static final int END_OF_IMAGE = 0xD9;

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
}
