package io.propertyimages.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.LookupOp;
import java.awt.image.LookupTable;
import java.awt.image.ShortLookupTable;
import java.awt.image.ByteLookupTable;
import java.awt.image.WritableRaster;

/**
 * Re-encodes samples stored with a plain gamma ({@code gAMA}: linear light is the sample to the power 1 / gamma)
 * with sRGB's transfer curve, the way Chromium shows such a PNG. Colour samples only: alpha is left as it is.
 */
final class GammaTable {
    private final double gamma;

    private GammaTable(double gamma) {
        this.gamma = gamma;
    }

    static GammaTable of(double gamma) {
        return new GammaTable(gamma);
    }

    /** The image with its colours re-encoded; the same image when the table changes nothing or cannot apply. */
    BufferedImage applyTo(BufferedImage image) {
        ColorModel model = image.getColorModel();
        if (gamma <= 0 || isIdentity()) {
            return image;
        }
        if (model instanceof IndexColorModel palette) {
            return withPalette(image, palette);
        }
        int bits = image.getSampleModel().getSampleSize(0);
        boolean eightOrSixteen = bits == 8 && model.getTransferType() == DataBuffer.TYPE_BYTE
                || bits == 16 && model.getTransferType() == DataBuffer.TYPE_USHORT;
        if (!(model instanceof ComponentColorModel) || !eightOrSixteen) {
            return image;
        }
        int bands = image.getRaster().getNumBands();
        int colours = model.hasAlpha() ? bands - 1 : bands;
        LookupTable table = bits == 8 ? byteTable(bands, colours) : shortTable(bands, colours);
        WritableRaster converted = image.getRaster().createCompatibleWritableRaster();
        new LookupOp(table, null).filter(image.getRaster(), converted);
        return new BufferedImage(model, converted, model.isAlphaPremultiplied(), null);
    }

    private boolean isIdentity() {
        for (int v = 0; v < 256; v++) {
            if (encode(v, 255) != v) {
                return false;
            }
        }
        return true;
    }

    private BufferedImage withPalette(BufferedImage image, IndexColorModel palette) {
        int size = palette.getMapSize();
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        byte[] a = new byte[size];
        palette.getReds(r);
        palette.getGreens(g);
        palette.getBlues(b);
        palette.getAlphas(a);
        for (int i = 0; i < size; i++) {
            r[i] = (byte) encode(r[i] & 0xFF, 255);
            g[i] = (byte) encode(g[i] & 0xFF, 255);
            b[i] = (byte) encode(b[i] & 0xFF, 255);
        }
        IndexColorModel converted = new IndexColorModel(palette.getPixelSize(), size, r, g, b, a);
        return new BufferedImage(converted, image.getRaster(), false, null);
    }

    private LookupTable byteTable(int bands, int colours) {
        byte[][] tables = new byte[bands][256];
        for (int band = 0; band < bands; band++) {
            for (int v = 0; v < 256; v++) {
                tables[band][v] = (byte) (band < colours ? encode(v, 255) : v);
            }
        }
        return new ByteLookupTable(0, tables);
    }

    private LookupTable shortTable(int bands, int colours) {
        short[][] tables = new short[bands][65536];
        short[] colour = new short[65536];
        for (int v = 0; v < 65536; v++) {
            colour[v] = (short) encode(v, 65535);
        }
        for (int band = 0; band < bands; band++) {
            for (int v = 0; v < 65536; v++) {
                tables[band][v] = band < colours ? colour[v] : (short) v;
            }
        }
        return new ShortLookupTable(0, tables);
    }

    private int encode(int sample, int max) {
        double linear = Math.pow((double) sample / max, 1 / gamma);
        double srgb = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return (int) Math.round(max * srgb);
    }
}
