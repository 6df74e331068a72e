package io.propertyimages.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a WebP file's RIFF container says about the picture a browser shows first: the canvas, the colour profile
 * ({@code ICCP}), and the bitstream of the first frame with its place on the canvas. libwebp's simple decoding API,
 * the one webp-imageio exposes, decodes only still images, so the first frame of an animation ({@code ANMF}) is taken
 * out of the container and wrapped as a still WebP of its own. The layout is libwebp's container specification
 * (doc/webp-container-spec.txt): chunks of a FourCC, a little-endian size and a payload padded to an even length.
 */
final class WebPContainer {
    private static final int HEADER = 12;
    private static final int CHUNK_HEADER = 8;
    private static final int VP8X_SIZE = 10;
    private static final int ANMF_HEADER = 16;
    private static final int ICC_FLAG = 0x20;
    private static final int ALPHA_FLAG = 0x10;
    private static final int ANIMATION_FLAG = 0x02;

    /** The first frame: a still WebP of its own, and where its top-left corner lies on the canvas. */
    record Frame(byte[] still, int x, int y) {
    }

    private final int canvasWidth;
    private final int canvasHeight;
    private final boolean animated;
    private final byte[] iccProfile;
    private final Frame firstFrame;

    private WebPContainer(int canvasWidth, int canvasHeight, boolean animated, byte[] iccProfile, Frame firstFrame) {
        this.canvasWidth = canvasWidth;
        this.canvasHeight = canvasHeight;
        this.animated = animated;
        this.iccProfile = iccProfile;
        this.firstFrame = firstFrame;
    }

    /**
     * Reads the container of {@code file}; a simple file (a lone {@code VP8 } or {@code VP8L} chunk, no
     * {@code VP8X}) is its own first frame, with the canvas of its bitstream.
     *
     * @throws ImageConversionException when the chunks do not fit in the file or an animation has no frame
     */
    static WebPContainer parse(byte[] file) throws ImageConversionException {
        if (file.length < HEADER + CHUNK_HEADER) {
            throw corrupt("file too short");
        }
        int end = (int) Math.min(file.length, HEADER - 4 + (long) littleEndian(file, 4, 4));
        if (!fourCc(file, HEADER).equals("VP8X")) {
            return new WebPContainer(0, 0, false, null, new Frame(file, 0, 0));
        }
        if (littleEndian(file, HEADER + 4, 4) < VP8X_SIZE || file.length < HEADER + CHUNK_HEADER + VP8X_SIZE) {
            throw corrupt("VP8X chunk too short");
        }
        int flags = file[HEADER + CHUNK_HEADER] & 0xFF;
        int canvasWidth = 1 + littleEndian(file, HEADER + CHUNK_HEADER + 4, 3);
        int canvasHeight = 1 + littleEndian(file, HEADER + CHUNK_HEADER + 7, 3);
        boolean animated = (flags & ANIMATION_FLAG) != 0;
        byte[] icc = null;
        Frame first = null;
        for (int at = HEADER; at + CHUNK_HEADER <= end; at = next(file, at)) {
            String chunk = fourCc(file, at);
            int size = payloadSize(file, at, end);
            if (chunk.equals("ICCP") && (flags & ICC_FLAG) != 0 && icc == null) {
                icc = slice(file, at + CHUNK_HEADER, size);
            } else if (chunk.equals("ANMF") && animated && first == null) {
                first = frame(file, at + CHUNK_HEADER, size);
            }
        }
        if (animated && first == null) {
            throw corrupt("animation without a frame");
        }
        return new WebPContainer(canvasWidth, canvasHeight, animated, icc,
                animated ? first : new Frame(file, 0, 0));
    }

    /** The canvas width the VP8X chunk declares, or 0 for a simple file, whose bitstream says it. */
    int canvasWidth() {
        return canvasWidth;
    }

    /** The canvas height the VP8X chunk declares, or 0 for a simple file. */
    int canvasHeight() {
        return canvasHeight;
    }

    boolean animated() {
        return animated;
    }

    /** The ICC profile the file embeds, when its VP8X chunk says it has one. */
    Optional<byte[]> iccProfile() {
        return Optional.ofNullable(iccProfile);
    }

    Frame firstFrame() {
        return firstFrame;
    }

    /**
     * An ANMF payload: the frame's offset (in units of two pixels), size, duration and flags, then its bitstream
     * chunks: ALPH and VP8, or VP8L. Blending and disposal do not matter to the first frame, which lies on an empty
     * canvas; browsers leave that canvas transparent (the ANIM background colour is a hint they ignore).
     */
    private static Frame frame(byte[] file, int payload, int size) throws ImageConversionException {
        if (size < ANMF_HEADER) {
            throw corrupt("ANMF chunk too short");
        }
        int x = 2 * littleEndian(file, payload, 3);
        int y = 2 * littleEndian(file, payload + 3, 3);
        int width = 1 + littleEndian(file, payload + 6, 3);
        int height = 1 + littleEndian(file, payload + 9, 3);
        int end = payload + size;
        byte[] alpha = null;
        for (int at = payload + ANMF_HEADER; at + CHUNK_HEADER <= end; at = next(file, at)) {
            String chunk = fourCc(file, at);
            int chunkSize = payloadSize(file, at, end);
            int chunkEnd = Math.min(end, at + CHUNK_HEADER + chunkSize + (chunkSize & 1));
            if (chunk.equals("ALPH")) {
                alpha = slice(file, at, chunkEnd - at);
            } else if (chunk.equals("VP8 ") || chunk.equals("VP8L")) {
                byte[] bitstream = slice(file, at, chunkEnd - at);
                return new Frame(still(chunk.equals("VP8 ") ? alpha : null, bitstream, width, height), x, y);
            }
        }
        throw corrupt("ANMF chunk without a VP8 or VP8L bitstream");
    }

    /** A still WebP file of one bitstream chunk, behind a VP8X chunk when an ALPH chunk goes with it. */
    private static byte[] still(byte[] alpha, byte[] bitstream, int width, int height) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream(bitstream.length + 64);
        if (alpha != null) {
            chunks.writeBytes("VP8X".getBytes(StandardCharsets.US_ASCII));
            chunks.writeBytes(littleEndian(VP8X_SIZE, 4));
            chunks.writeBytes(new byte[] {ALPHA_FLAG, 0, 0, 0});
            chunks.writeBytes(littleEndian(width - 1, 3));
            chunks.writeBytes(littleEndian(height - 1, 3));
            chunks.writeBytes(alpha);
        }
        chunks.writeBytes(bitstream);
        ByteArrayOutputStream file = new ByteArrayOutputStream(chunks.size() + HEADER);
        file.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(littleEndian(chunks.size() + 4, 4));
        file.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(chunks.toByteArray());
        return file.toByteArray();
    }

    /** The chunk's payload size, checked to lie within {@code end}. */
    private static int payloadSize(byte[] file, int at, int end) throws ImageConversionException {
        long size = littleEndian(file, at + 4, 4) & 0xFFFFFFFFL;
        if (at + CHUNK_HEADER + size > end) {
            throw corrupt(fourCc(file, at).strip() + " chunk runs past the end of the file");
        }
        return (int) size;
    }

    /** Where the chunk after the one at {@code at} starts: payloads are padded to an even size. */
    private static int next(byte[] file, int at) {
        long size = littleEndian(file, at + 4, 4) & 0xFFFFFFFFL;
        return (int) Math.min(Integer.MAX_VALUE, at + CHUNK_HEADER + size + (size & 1));
    }

    private static byte[] slice(byte[] file, int from, int length) {
        byte[] part = new byte[length];
        System.arraycopy(file, from, part, 0, length);
        return part;
    }

    private static String fourCc(byte[] file, int at) {
        return new String(file, at, 4, StandardCharsets.US_ASCII);
    }

    private static int littleEndian(byte[] bytes, int at, int length) {
        int value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }

    private static byte[] littleEndian(int value, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }

    private static ImageConversionException corrupt(String problem) {
        return new ImageConversionException("corrupt or truncated webp: " + problem);
    }
}
