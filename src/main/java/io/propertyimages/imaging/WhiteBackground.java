package io.propertyimages.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/** Makes an image opaque, as JPEG needs: what was transparent becomes white (on bytes, as {@link JpegEncoder} prefers). */
final class WhiteBackground {
    private WhiteBackground() {
    }

    static BufferedImage flatten(BufferedImage image) {
        int type = image.getType();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_BYTE_GRAY
                || RgbBytes.isRgb(image)) {
            return image;
        }
        if (RgbBytes.isRgba(image)) {
            return RgbBytes.rgbaOnWhite(image);
        }
        if (RgbBytes.isIntArgb(image)) {
            return RgbBytes.intArgbOnWhite(image);
        }
        if (isGrayWithAlpha(image)) {
            return flattenGray(image.getRaster());
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static boolean isGrayWithAlpha(BufferedImage image) {
        return image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && image.getColorModel().hasAlpha() && image.getRaster().getNumBands() == 2;
    }

    /**
     * Gray and alpha composited by hand: Java2D would take the gray samples as linear light (CS_GRAY) and brighten
     * them, where PNG stores them gamma-encoded like sRGB.
     */
    private static BufferedImage flattenGray(Raster source) {
        int max = (1 << source.getSampleModel().getSampleSize(0)) - 1;
        BufferedImage gray = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster target = gray.getRaster();
        int[] row = new int[source.getWidth() * 2];
        int[] out = new int[source.getWidth()];
        for (int y = 0; y < source.getHeight(); y++) {
            source.getPixels(source.getMinX(), source.getMinY() + y, source.getWidth(), 1, row);
            for (int x = 0; x < out.length; x++) {
                long value = row[2 * x];
                long alpha = row[2 * x + 1];
                out[x] = (int) ((value * alpha + (long) max * (max - alpha)) * 255 / ((long) max * max));
            }
            target.setPixels(0, y, out.length, 1, out);
        }
        return gray;
    }
}
