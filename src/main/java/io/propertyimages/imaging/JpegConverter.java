package io.propertyimages.imaging;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

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

    /** The formats whose metadata says how they are shown: colour profile, screen, orientation. */
    private static final Set<ImageFormat> NEEDS_METADATA = EnumSet.of(ImageFormat.PNG, ImageFormat.GIF, ImageFormat.TIFF);

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
        if (format == ImageFormat.WEBP && WebPReaders.libwebpWorks()) {
            return convertWebP(source);
        }
        byte[] bytes = format == ImageFormat.PNG ? PngChunks.withEnd(source) : source;
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            ImageReader reader = readerFor(in, format);
            try {
                reader.setInput(in, false, !NEEDS_METADATA.contains(format));
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkPixelLimit(width, height);
                if (format == ImageFormat.JPEG && !JpegMarkers.endsWithEndOfImage(source)) {
                    throw new ImageConversionException("corrupt or truncated jpeg: no end-of-image marker");
                }
                int precision = format == ImageFormat.JPEG ? JpegMarkers.samplePrecision(source) : 8;
                if (precision > 8) {
                    throw new ImageConversionException("unsupported jpeg: " + precision + "-bit samples, which browsers"
                            + " do not show and ImageIO cannot decode");
                }
                if (format == ImageFormat.JPEG && !isCmyk(reader)) {
                    return new JpegImage(source, width, height, format, false);
                }
                Presentation shown = Presentation.of(reader, format);
                checkPixelLimit(shown.width(), shown.height());
                long heap = HeapBudget.estimate(reader, format, Math.max(width, shown.width()), Math.max(height, shown.height()));
                return heapBudget.run(heap, shown.width() + "x" + shown.height() + " " + format.label(),
                        () -> decodeSlots.run(() -> decodeAndEncode(reader, format, shown, source)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ImageConversionException("corrupt or truncated " + format.label() + ": " + describe(e), e);
        }
    }

    /** A WebP, decoded by libwebp ({@link WebPDecoder}); the pixel limit applies to its canvas. */
    private JpegImage convertWebP(byte[] source) throws ImageConversionException {
        try {
            WebPDecoder webp = WebPDecoder.of(source);
            checkPixelLimit(webp.width(), webp.height());
            return heapBudget.run(HeapBudget.estimateWebP(webp.width(), webp.height(), webp.isStill()), webp.width() + "x" + webp.height() + " webp",
                    () -> decodeSlots.run(() -> encode(webp.decode(), ImageFormat.WEBP, webp.animated())));
        } catch (IOException | RuntimeException e) {
            throw new ImageConversionException("corrupt or truncated webp: " + describe(e), e);
        }
    }

    private void checkPixelLimit(int width, int height) throws ImageConversionException {
        if ((long) width * height > maxPixels) {
            throw new ImageConversionException("image too large: " + width + "x" + height
                    + " pixels exceeds the limit of " + maxPixels);
        }
    }

    private static JpegImage encode(BufferedImage opaque, ImageFormat format, boolean firstFrameOnly) throws IOException {
        return new JpegImage(JpegEncoder.encode(opaque), opaque.getWidth(), opaque.getHeight(), format, firstFrameOnly);
    }

    /** Decodes the first image in the layout its encoding is fastest from (see {@link PngDestinations}, {@link CmykJpegs}). */
    private static JpegImage decodeAndEncode(ImageReader reader, ImageFormat format, Presentation shown, byte[] source)
            throws IOException {
        boolean animated = (format == ImageFormat.WEBP || format == ImageFormat.GIF) && reader.getNumImages(true) > 1;
        BufferedImage image = switch (format) {
            case PNG -> reader.read(0, PngDestinations.readParam(reader));
            case JPEG -> CmykJpegs.read(reader, source);
            default -> reader.read(0);
        };
        if (format == ImageFormat.PNG) {
            image = PngColorProfile.withGammaApplied(image, reader.getImageMetadata(0));
        }
        BufferedImage opaque = shown.present(WhiteBackground.flatten(image));
        return encode(format == ImageFormat.PNG ? PngColorProfile.withProfileApplied(opaque, reader.getImageMetadata(0)) : opaque,
                format, animated);
    }

    private static ImageReader readerFor(ImageInputStream in, ImageFormat format) throws ImageConversionException {
        return ReaderChoice.preferred(ImageIO.getImageReaders(in), format);
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
