package io.propertyimages.imaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The chunk structure of a PNG, read without decoding it. Browsers show a PNG whose image data is complete but
 * which lacks the closing IEND chunk, as some encoders write them; ImageIO's reader refuses it, so the missing chunk
 * is added. A file cut inside a chunk is left as it is, for the reader to refuse: it was cut short.
 */
final class PngChunks {
    private static final int SIGNATURE = 8;
    private static final int CHUNK_OVERHEAD = 12;
    private static final byte[] IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    private PngChunks() {
    }

    /** The PNG with an IEND chunk added when its chunks, IDAT among them, end with the file but none is IEND. */
    static byte[] withEnd(byte[] png) {
        boolean imageData = false;
        int at = SIGNATURE;
        while (at + CHUNK_OVERHEAD <= png.length) {
            long length = ((png[at] & 0xFFL) << 24) | ((png[at + 1] & 0xFF) << 16) | ((png[at + 2] & 0xFF) << 8) | (png[at + 3] & 0xFF);
            String type = new String(png, at + 4, 4, StandardCharsets.US_ASCII);
            if (type.equals("IEND") || at + CHUNK_OVERHEAD + length > png.length) {
                return png;
            }
            imageData |= type.equals("IDAT");
            at += (int) (CHUNK_OVERHEAD + length);
        }
        if (at != png.length || !imageData) {
            return png;
        }
        byte[] ended = Arrays.copyOf(png, png.length + IEND.length);
        System.arraycopy(IEND, 0, ended, png.length, IEND.length);
        return ended;
    }
}
