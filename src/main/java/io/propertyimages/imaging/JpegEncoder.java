package io.propertyimages.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Encodes an opaque image as a JPEG: of quality 85 for the images themselves, or of the quality given. */
final class JpegEncoder {
    static final float QUALITY = 0.85f;
    private static final String JDK_WRITER_SPI = "com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi";
    /** The JDK's own writer (libjpeg-turbo): TwelveMonkeys' writer, which ImageIO offers first, only wraps it. */
    private static final ImageWriterSpi JDK_WRITER = jdkWriterSpi();

    private JpegEncoder() {
    }

    static byte[] encode(BufferedImage opaque) throws IOException {
        return encode(opaque, QUALITY);
    }

    static byte[] encode(BufferedImage opaque, float quality) throws IOException {
        ImageWriter writer = jdkWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(opaque.getWidth() * opaque.getHeight() / 4);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(inWriterLayout(opaque), null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * Gray bytes, or RGB bytes in that order ({@link RgbBytes}): the writer copies their rows whole, where it copies
     * other layouts a sample at a time (rows of ints took 40% longer to encode, rows of BGR bytes 25%).
     */
    private static BufferedImage inWriterLayout(BufferedImage opaque) {
        return opaque.getType() == BufferedImage.TYPE_BYTE_GRAY ? opaque : RgbBytes.of(opaque);
    }

    private static ImageWriter jdkWriter() throws IOException {
        return JDK_WRITER == null ? ImageIO.getImageWritersByFormatName("jpeg").next() : JDK_WRITER.createWriterInstance();
    }

    private static ImageWriterSpi jdkWriterSpi() {
        Iterator<ImageWriterSpi> providers = IIORegistry.getDefaultInstance().getServiceProviders(ImageWriterSpi.class,
                provider -> provider.getClass().getName().equals(JDK_WRITER_SPI), false);
        return providers.hasNext() ? providers.next() : null;
    }
}
