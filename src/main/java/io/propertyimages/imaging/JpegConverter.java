package io.propertyimages.imaging;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

/**
 * Turns downloaded bytes into the JPEG to save. A JPEG is kept byte for byte unless it is CMYK; anything else a
 * reader exists for is decoded (first frame), put on white where it is transparent, brought to sRGB when a PNG
 * embeds another colour profile, and encoded at quality 85.
 * Dimensions are read from the header, and checked against the pixel limit, before any pixel is decoded. A file
 * cut short fails: the readers throw on truncated PNG, WebP, GIF data, and a JPEG must end with its end marker.
 * Thread-safe: every call has its own reader and writer; no more calls decode at once than there are cores
 * ({@link DecodeSlots}), and only as many as the heap can hold ({@link HeapBudget}).
 */
public final class JpegConverter {
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    private final long maxPixels;
    private final DecodeSlots decodeSlots;
    private final HeapBudget heapBudget;

    public JpegConverter(long maxPixels) {
        this(maxPixels, Runtime.getRuntime().availableProcessors(), HeapBudget.ofThisJvm());
    }

    JpegConverter(long maxPixels, int concurrentDecodes, HeapBudget heapBudget) {
        this.maxPixels = maxPixels;
        this.decodeSlots = new DecodeSlots(concurrentDecodes);
        this.heapBudget = heapBudget;
    }

    public JpegImage toJpeg(byte[] source) throws ImageConversionException {
        ImageFormat format = ImageFormat.detect(source);
        switch (format) {
            case UNKNOWN -> throw new ImageConversionException("not an image (unknown format)");
            case AVIF, HEIC, SVG -> throw new ImageConversionException("unsupported format " + format.label());
            default -> {
                return convert(source, format);
            }
        }
    }

    private JpegImage convert(byte[] source, ImageFormat format) throws ImageConversionException {
        try (ImageInputStream in = new ByteArrayImageInputStream(source)) {
            ImageReader reader = readerFor(in, format, source);
            try {
                reader.setInput(in, false, format != ImageFormat.PNG);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > maxPixels) {
                    throw new ImageConversionException("image too large: " + width + "x" + height
                            + " pixels exceeds the limit of " + maxPixels);
                }
                if (format == ImageFormat.JPEG && !JpegMarkers.endsWithEndOfImage(source)) {
                    throw new ImageConversionException("corrupt or truncated jpeg: no end-of-image marker");
                }
                if (format == ImageFormat.JPEG && !isCmyk(reader)) {
                    return new JpegImage(source, width, height, format, false);
                }
                return heapBudget.run(HeapBudget.estimate(reader, format, width, height), width + "x" + height + " " + format.label(),
                        () -> decodeSlots.run(() -> decodeAndEncode(reader, format, source)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ImageConversionException("corrupt or truncated " + format.label() + ": " + describe(e), e);
        }
    }

    private static JpegImage decodeAndEncode(ImageReader reader, ImageFormat format, byte[] source) throws IOException {
        boolean animated = (format == ImageFormat.WEBP || format == ImageFormat.GIF) && reader.getNumImages(true) > 1;
        BufferedImage image = switch (format) {
            case PNG -> reader.read(0, PngDestinations.readParam(reader));
            case JPEG -> CmykJpegs.read(reader, source);
            default -> reader.read(0);
        };
        BufferedImage opaque = inSrgb(WhiteBackground.flatten(image), reader, format);
        return new JpegImage(JpegEncoder.encode(opaque), opaque.getWidth(), opaque.getHeight(), format, animated);
    }

    private static BufferedImage inSrgb(BufferedImage opaque, ImageReader reader, ImageFormat format) throws IOException {
        if (format != ImageFormat.PNG || opaque.getRaster().getNumBands() != 3) {
            return opaque;
        }
        return PngColorProfile.of(reader.getImageMetadata(0))
                .map(profile -> PngColorProfile.toSrgb(opaque, profile))
                .orElse(opaque);
    }

    private static ImageReader readerFor(ImageInputStream in, ImageFormat format, byte[] source) throws ImageConversionException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new ImageConversionException("unsupported format " + format.label() + " (no reader)");
        }
        return format == ImageFormat.WEBP ? WebPReaders.choose(readers, source) : readers.next();
    }

    /**
     * CMYK, YCCK and other four-channel JPEGs are the ones viewers show wrongly or not at all, so they are converted
     * to RGB.
     */
    private static boolean isCmyk(ImageReader reader) throws IOException {
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        return raw != null && (raw.getNumBands() == 4 || raw.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_CMYK);
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
