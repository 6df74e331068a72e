package io.propertyimages.imaging;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.Optional;

import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;


/**
 * Reads CMYK and YCCK JPEGs that embed no colour profile into RGB bytes ({@link RgbBytes}), with the arithmetic of
 * TwelveMonkeys' reader, which converts them without colour management (its {@code FastCMYKToRGB}: YCC to CMY as
 * libjpeg does, then {@code 255 - (c * (255 - k) / 255 + k)}), so the pixels are the same; but in one loop over the
 * decoded bytes, where TwelveMonkeys calls getters and setters of the rasters for every pixel, which took a tenth of
 * the download job's CPU. A JPEG with a profile is left to TwelveMonkeys, which applies it.
 */
final class CmykJpegs {
    private static final int ADOBE_CMYK = 0;
    private static final int ADOBE_YCCK = 2;
    private static final int[] CMYK_OFFSETS = {0, 1, 2, 3};
    private static final int SCALE_BITS = 16;
    private static final int ONE_HALF = 1 << (SCALE_BITS - 1);
    /** libjpeg's YCC to RGB tables, as TwelveMonkeys' {@code YCbCrConverter} builds them: its JPEG conversion, inlined. */
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];
    /** {@code white - value * white / 255} at {@code white << 8 | value}: the loop's arithmetic without a division. */
    private static final byte[] ON_WHITE = new byte[256 * 256];

    static {
        for (int white = 0; white < 256; white++) {
            for (int value = 0; value < 256; value++) {
                ON_WHITE[white << 8 | value] = (byte) (white - value * white / 255);
            }
        }
        for (int i = 0, x = -128; i < 256; i++, x++) {
            CR_R[i] = (int) ((1.40200 * (1 << SCALE_BITS) + 0.5) * x + ONE_HALF) >> SCALE_BITS;
            CB_B[i] = (int) ((1.77200 * (1 << SCALE_BITS) + 0.5) * x + ONE_HALF) >> SCALE_BITS;
            CR_G[i] = -(int) (0.71414 * (1 << SCALE_BITS) + 0.5) * x;
            CB_G[i] = -(int) (0.34414 * (1 << SCALE_BITS) + 0.5) * x + ONE_HALF;
        }
    }

    private CmykJpegs() {
    }

    /** The image in RGB bytes if it is such a JPEG, else as {@code reader} reads it. */
    static BufferedImage read(ImageReader reader, byte[] source) throws IOException {
        Optional<JpegMarkers.ColourHeader> header = JpegMarkers.colourHeader(source);
        Optional<Boolean> ycck = header.isPresent() ? isYcck(header.get(), reader.getRawImageType(0)) : Optional.empty();
        if (ycck.isEmpty()) {
            return reader.read(0);
        }
        Raster raw = reader.readRaster(0, null);
        return RgbBytes.isPackedBytes(raw, CMYK_OFFSETS) ? toRgb(raw, ycck.get()) : reader.read(0);
    }

    /**
     * Whether the four components are YCCK rather than CMYK, for a JPEG that TwelveMonkeys' reader converts without
     * colour management (no profile embedded, none configured as its generic CMYK); empty for any other.
     */
    private static Optional<Boolean> isYcck(JpegMarkers.ColourHeader header, ImageTypeSpecifier rawType) {
        boolean unmanaged = header.components() == 4 && !header.iccProfile()
                && rawType != null && isUnmanagedCmyk(rawType.getColorModel().getColorSpace());
        if (!unmanaged) {
            return Optional.empty();
        }
        return switch (header.adobeTransform()) {
            case ADOBE_YCCK -> Optional.of(true);
            case ADOBE_CMYK, -1 -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** TwelveMonkeys' own CMYK colour space, which it does not convert through an ICC profile. */
    private static boolean isUnmanagedCmyk(ColorSpace space) {
        return space.getType() == ColorSpace.TYPE_CMYK && !(space instanceof ICC_ColorSpace);
    }

    /**
     * The decoded components, 4 bytes a pixel, read as TwelveMonkeys reads them: YCC converted to CMY as libjpeg
     * converts YCbCr to RGB, or CMY inverted as Adobe stores them, and K inverted.
     */
    static BufferedImage toRgb(Raster raw, boolean ycck) {
        BufferedImage rgb = RgbBytes.create(raw.getWidth(), raw.getHeight());
        byte[] in = ((DataBufferByte) raw.getDataBuffer()).getData();
        byte[] out = ((DataBufferByte) rgb.getRaster().getDataBuffer()).getData();
        for (int i = 0, o = 0; o < out.length; i += 4, o += 3) {
            int c;
            int m;
            int y;
            if (ycck) {
                int luma = in[i] & 0xFF;
                int cb = in[i + 1] & 0xFF;
                int cr = in[i + 2] & 0xFF;
                c = clamp(luma + CR_R[cr]);
                m = clamp(luma + ((CB_G[cb] + CR_G[cr]) >> SCALE_BITS));
                y = clamp(luma + CB_B[cb]);
            } else {
                c = 255 - (in[i] & 0xFF);
                m = 255 - (in[i + 1] & 0xFF);
                y = 255 - (in[i + 2] & 0xFF);
            }
            // K is stored inverted either way, so it is what is left of white: 255 - k
            int white = (in[i + 3] & 0xFF) << 8;
            out[o] = ON_WHITE[white | c];
            out[o + 1] = ON_WHITE[white | m];
            out[o + 2] = ON_WHITE[white | y];
        }
        return rgb;
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }
}
