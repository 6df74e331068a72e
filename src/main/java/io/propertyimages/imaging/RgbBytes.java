package io.propertyimages.imaging;

import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.util.Arrays;

import javax.imageio.ImageTypeSpecifier;

/**
 * Images whose pixels are bytes R, G, B (and A) in that order, one pixel after another. The JDK's JPEG writer and
 * PNG reader copy a row of that layout with one {@code System.arraycopy}; any other one, {@code TYPE_3BYTE_BGR}
 * included, they copy a pixel and a band at a time, which took a fifth of the download job's CPU. The conversions
 * here are plain loops over the arrays, and put transparent pixels on white with the same arithmetic as Java2D's
 * source-over blending, so they give the bytes that drawing on white gave.
 */
final class RgbBytes {
    private static final ColorSpace SRGB = ColorSpace.getInstance(ColorSpace.CS_sRGB);
    private static final int[] RGB_OFFSETS = {0, 1, 2};
    private static final int[] RGBA_OFFSETS = {0, 1, 2, 3};
    static final ImageTypeSpecifier RGB = ImageTypeSpecifier.createInterleaved(SRGB, RGB_OFFSETS, DataBuffer.TYPE_BYTE, false, false);
    static final ImageTypeSpecifier RGBA = ImageTypeSpecifier.createInterleaved(SRGB, RGBA_OFFSETS, DataBuffer.TYPE_BYTE, true, false);

    private RgbBytes() {
    }

    static BufferedImage create(int width, int height) {
        return RGB.createBufferedImage(width, height);
    }

    /** Whether the image is opaque sRGB bytes R, G, B, packed row after row from the first byte of its buffer. */
    static boolean isRgb(BufferedImage image) {
        return isPacked(image, RGB_OFFSETS) && !image.getColorModel().hasAlpha();
    }

    /** Whether the image is sRGB bytes R, G, B, A (not premultiplied), packed like {@link #isRgb}'s. */
    static boolean isRgba(BufferedImage image) {
        return isPacked(image, RGBA_OFFSETS) && image.getColorModel().hasAlpha() && !image.isAlphaPremultiplied();
    }

    /** The pixels of an opaque image as RGB bytes: the image itself when it has that layout already. */
    static BufferedImage of(BufferedImage opaque) {
        if (isRgb(opaque)) {
            return opaque;
        }
        int type = opaque.getType();
        if (type == BufferedImage.TYPE_INT_RGB && isWholeBuffer(opaque.getRaster())) {
            return fromIntRgb(opaque);
        }
        BufferedImage bgr = opaque;
        if (type != BufferedImage.TYPE_3BYTE_BGR || !isWholeBuffer(opaque.getRaster())) {
            bgr = new BufferedImage(opaque.getWidth(), opaque.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = bgr.createGraphics();
            try {
                g.drawImage(opaque, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        return fromBgr(bgr);
    }

    /** An RGBA image ({@link #isRgba}) on white. */
    static BufferedImage rgbaOnWhite(BufferedImage rgba) {
        BufferedImage rgb = create(rgba.getWidth(), rgba.getHeight());
        byte[] in = bytes(rgba);
        byte[] out = bytes(rgb);
        for (int i = 0, o = 0; o < out.length; i += 4, o += 3) {
            int alpha = in[i + 3] & 0xFF;
            out[o] = (byte) onWhite(in[i] & 0xFF, alpha);
            out[o + 1] = (byte) onWhite(in[i + 1] & 0xFF, alpha);
            out[o + 2] = (byte) onWhite(in[i + 2] & 0xFF, alpha);
        }
        return rgb;
    }

    /** A {@code TYPE_INT_ARGB} image on white. */
    static BufferedImage intArgbOnWhite(BufferedImage argb) {
        BufferedImage rgb = create(argb.getWidth(), argb.getHeight());
        int[] in = ints(argb);
        byte[] out = bytes(rgb);
        for (int i = 0, o = 0; i < in.length; i++, o += 3) {
            int pixel = in[i];
            int alpha = pixel >>> 24;
            out[o] = (byte) onWhite((pixel >> 16) & 0xFF, alpha);
            out[o + 1] = (byte) onWhite((pixel >> 8) & 0xFF, alpha);
            out[o + 2] = (byte) onWhite(pixel & 0xFF, alpha);
        }
        return rgb;
    }

    /** Whether the image is {@code TYPE_INT_ARGB} over the whole of its buffer, as {@link #intArgbOnWhite} takes it. */
    static boolean isIntArgb(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_INT_ARGB && isWholeBuffer(image.getRaster());
    }

    /**
     * A colour sample drawn with {@code alpha} on white: Java2D's {@code MUL8(alpha, value) + MUL8(255 - alpha, 255)},
     * where {@code MUL8(a, b)} is {@code a * b / 255} rounded as its table rounds it.
     */
    static int onWhite(int value, int alpha) {
        return ((alpha * value * 0x10101 + 0x800000) >>> 24) + 255 - alpha;
    }

    private static BufferedImage fromIntRgb(BufferedImage intRgb) {
        BufferedImage rgb = create(intRgb.getWidth(), intRgb.getHeight());
        int[] in = ints(intRgb);
        byte[] out = bytes(rgb);
        for (int i = 0, o = 0; i < in.length; i++, o += 3) {
            int pixel = in[i];
            out[o] = (byte) (pixel >> 16);
            out[o + 1] = (byte) (pixel >> 8);
            out[o + 2] = (byte) pixel;
        }
        return rgb;
    }

    private static BufferedImage fromBgr(BufferedImage bgr) {
        BufferedImage rgb = create(bgr.getWidth(), bgr.getHeight());
        byte[] in = bytes(bgr);
        byte[] out = bytes(rgb);
        for (int i = 0; i < out.length; i += 3) {
            out[i] = in[i + 2];
            out[i + 1] = in[i + 1];
            out[i + 2] = in[i];
        }
        return rgb;
    }

    private static boolean isPacked(BufferedImage image, int[] offsets) {
        return image.getColorModel() instanceof ComponentColorModel model
                && model.getColorSpace() == SRGB
                && model.getTransparency() == (offsets.length == 4 ? Transparency.TRANSLUCENT : Transparency.OPAQUE)
                && isPackedBytes(image.getRaster(), offsets);
    }

    /**
     * Whether the raster's samples are bytes at {@code offsets} within each pixel, pixel after pixel and row after
     * row from the first byte of its only bank, not a child of a larger raster.
     */
    static boolean isPackedBytes(Raster raster, int[] offsets) {
        return raster.getSampleModel() instanceof PixelInterleavedSampleModel samples
                && samples.getDataType() == DataBuffer.TYPE_BYTE
                && samples.getPixelStride() == offsets.length
                && samples.getScanlineStride() == offsets.length * raster.getWidth()
                && Arrays.equals(samples.getBandOffsets(), offsets)
                && isWholeBuffer(raster);
    }

    /** Whether the raster starts at the first element of its only bank and is not a child of a larger one. */
    private static boolean isWholeBuffer(Raster raster) {
        return raster.getParent() == null && raster.getMinX() == 0 && raster.getMinY() == 0
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getDataBuffer().getNumBanks() == 1 && raster.getDataBuffer().getOffset() == 0;
    }

    private static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    private static int[] ints(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
