package io.propertyimages.imaging;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Encodes an opaque image as a JPEG: of quality 85 for the images themselves, or of the quality given. */
final class JpegEncoder {
    static final float QUALITY = 0.85f;

    private JpegEncoder() {
    }

    static byte[] encode(BufferedImage opaque) throws IOException {
        return encode(opaque, QUALITY);
    }

    static byte[] encode(BufferedImage opaque, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(opaque.getWidth() * opaque.getHeight() / 4);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(inBytes(opaque), null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * The image on a raster of bytes. The JDK's writer copies each row of pixels packed in ints (what libwebp
     * decodes to) through a per-pixel path that makes encoding 40% slower than drawing the image onto bytes first.
     */
    private static BufferedImage inBytes(BufferedImage opaque) {
        if (opaque.getType() == BufferedImage.TYPE_3BYTE_BGR || opaque.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return opaque;
        }
        BufferedImage bytes = new BufferedImage(opaque.getWidth(), opaque.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bytes.createGraphics();
        try {
            g.drawImage(opaque, 0, 0, null);
        } finally {
            g.dispose();
        }
        return bytes;
    }
}
