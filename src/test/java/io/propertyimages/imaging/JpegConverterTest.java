package io.propertyimages.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fixture table: each source with the format it must be recognised as, and a pixel the JPEG must show. */
class JpegConverterTest {
    private static final Color WHITE = Color.WHITE;
    private final JpegConverter converter = new JpegConverter(JpegConverter.DEFAULT_MAX_PIXELS);

    static Stream<Arguments> convertedSources() {
        Color red = new Color(200, 30, 30);
        return Stream.of(
                Arguments.of("png-rgb", Fixtures.encode(Fixtures.gradient(BufferedImage.TYPE_INT_RGB), "png"), ImageFormat.PNG, 64, 48, 0, 0, new Color(40, 90, 160)),
                Arguments.of("png-rgba-transparent-on-white", Fixtures.encode(Fixtures.halfTransparent(red), "png"), ImageFormat.PNG, 64, 48, 5, 5, WHITE),
                Arguments.of("png-rgba-opaque-part", Fixtures.encode(Fixtures.halfTransparent(red), "png"), ImageFormat.PNG, 64, 48, 60, 40, red),
                Arguments.of("png-palette", Fixtures.encode(Fixtures.palette(false), "png"), ImageFormat.PNG, 64, 48, 5, 5, new Color(255, 0, 0)),
                Arguments.of("png-palette-transparent", Fixtures.encode(Fixtures.palette(true), "png"), ImageFormat.PNG, 64, 48, 5, 5, WHITE),
                Arguments.of("png-gray", Fixtures.encode(Fixtures.gradient(BufferedImage.TYPE_BYTE_GRAY), "png"), ImageFormat.PNG, 64, 48, 63, 47, null),
                Arguments.of("png-16-bit-gray", Fixtures.encode(Fixtures.gray16(), "png"), ImageFormat.PNG, 64, 48, 10, 10, new Color(128, 128, 128)),
                Arguments.of("png-16-bit-rgb", Fixtures.encode(Fixtures.rgb16(), "png"), ImageFormat.PNG, 64, 48, 10, 10, new Color(128, 128, 128)),
                Arguments.of("png-gray-alpha-transparent-on-white", Fixtures.encode(Fixtures.grayWithAlpha(), "png"), ImageFormat.PNG, 64, 48, 5, 5, WHITE),
                Arguments.of("png-gray-alpha-opaque-part", Fixtures.encode(Fixtures.grayWithAlpha(), "png"), ImageFormat.PNG, 64, 48, 60, 40, new Color(100, 100, 100)),
                Arguments.of("png-interlaced", Fixtures.interlacedPng(Fixtures.halfTransparent(red)), ImageFormat.PNG, 64, 48, 60, 40, red),
                Arguments.of("png-adobe-rgb-profile-to-srgb", Fixtures.resource("adobe-rgb-green.png"), ImageFormat.PNG, 16, 16, 8, 8, new Color(0, 161, 46)),
                Arguments.of("gif", Fixtures.encode(Fixtures.palette(false), "gif"), ImageFormat.GIF, 64, 48, 60, 5, red),
                Arguments.of("bmp", Fixtures.encode(Fixtures.gradient(BufferedImage.TYPE_INT_RGB), "bmp"), ImageFormat.BMP, 64, 48, 0, 0, new Color(40, 90, 160)),
                Arguments.of("tiff", Fixtures.encode(Fixtures.gradient(BufferedImage.TYPE_INT_RGB), "tiff"), ImageFormat.TIFF, 64, 48, 0, 0, new Color(40, 90, 160)),
                Arguments.of("webp-lossy", Fixtures.resource("small-lossy.webp"), ImageFormat.WEBP, 64, 48, 0, 0, new Color(42, 90, 160)),
                Arguments.of("webp-lossless", Fixtures.resource("small-lossless.webp"), ImageFormat.WEBP, 64, 48, 0, 0, new Color(42, 90, 160)),
                Arguments.of("webp-alpha-on-white", Fixtures.resource("alpha.webp"), ImageFormat.WEBP, 64, 48, 5, 5, WHITE),
                Arguments.of("webp-alpha-opaque-part", Fixtures.resource("alpha.webp"), ImageFormat.WEBP, 64, 48, 60, 40, new Color(42, 90, 160)),
                Arguments.of("webp-adobe-rgb-profile-to-srgb", Fixtures.resource("adobe-rgb-green.webp"), ImageFormat.WEBP, 16, 16, 8, 8, new Color(0, 161, 46)),
                Arguments.of("jpeg-cmyk-red", Fixtures.resource("cmyk-red.jpg"), ImageFormat.JPEG, 48, 32, 24, 16, new Color(237, 28, 36)),
                Arguments.of("jpeg-ycck-red", Fixtures.resource("ycck-red.jpg"), ImageFormat.JPEG, 48, 32, 24, 16, new Color(237, 28, 36)),
                Arguments.of("jpeg-cmyk-without-adobe-marker-red", Fixtures.resource("cmyk-no-adobe-red.jpg"), ImageFormat.JPEG, 48, 32, 24, 16, new Color(237, 28, 36)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convertedSources")
    void convertsToAJpegOfTheSameSizeShowingTheSameColours(String name, byte[] source, ImageFormat format, int width,
                                                           int height, int x, int y, Color expected) throws Exception {
        JpegImage jpeg = converter.toJpeg(source);

        BufferedImage decoded = decode(jpeg.bytes());
        assertEquals(format, jpeg.originalFormat());
        assertEquals(ImageFormat.JPEG, ImageFormat.detect(jpeg.bytes()));
        assertEquals(width, jpeg.width());
        assertEquals(height, jpeg.height());
        assertEquals(width, decoded.getWidth());
        assertEquals(height, decoded.getHeight());
        if (expected != null) {
            assertColour(expected, pixel(decoded, x, y), 40);
        }
    }

    static List<BrowserReference> browserReferences() {
        return BrowserReference.all();
    }

    /** Each fixture of the public suites comes out as a browser shows it, or is refused with its reason. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("browserReferences")
    void looksAsABrowserShowsIt(BrowserReference reference) throws Exception {
        if (reference.refusal() != null) {
            assertReason(reference.refusal(), reference.source());
            return;
        }
        JpegImage jpeg = converter.toJpeg(reference.source());

        BufferedImage converted = decode(jpeg.bytes());
        BufferedImage shown = reference.shown();
        assertEquals(shown.getWidth() + "x" + shown.getHeight(), converted.getWidth() + "x" + converted.getHeight(),
                "the size a browser shows");
        assertEquals(shown.getWidth(), jpeg.width());
        assertEquals(shown.getHeight(), jpeg.height());
        double difference = reference.difference(jpeg);
        assertTrue(difference <= reference.tolerance(), "mean absolute difference from the browser's rendering: "
                + String.format(Locale.ROOT, "%.2f", difference) + ", more than " + reference.tolerance());
    }

    static Stream<Arguments> keptJpegs() {
        return Stream.of(
                Arguments.of("baseline", Fixtures.encode(Fixtures.gradient(BufferedImage.TYPE_INT_RGB), "jpg")),
                Arguments.of("progressive", Fixtures.progressiveJpeg(Fixtures.gradient(BufferedImage.TYPE_INT_RGB))),
                Arguments.of("grayscale", Fixtures.encode(Fixtures.gradient(BufferedImage.TYPE_BYTE_GRAY), "jpg")),
                Arguments.of("with-icc-profile", Fixtures.resource("jpeg-with-icc.jpg")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keptJpegs")
    void keepsAnRgbJpegByteForByte(String name, byte[] source) throws Exception {
        JpegImage jpeg = converter.toJpeg(source);

        BufferedImage decoded = decode(source);
        assertArrayEquals(source, jpeg.bytes());
        assertEquals(decoded.getWidth(), jpeg.width());
        assertEquals(decoded.getHeight(), jpeg.height());
    }

    @Test
    void keepsTheFirstFrameOfAnAnimatedWebp() throws Exception {
        JpegImage jpeg = converter.toJpeg(Fixtures.resource("animated.webp"));

        assertTrue(jpeg.firstFrameOnly());
        assertColour(Color.RED, pixel(decode(jpeg.bytes()), 16, 12), 40);
    }

    @Test
    void refusesAnImageOverThePixelLimitBeforeDecodingIt() {
        ImageConversionException e = assertThrows(ImageConversionException.class,
                () -> converter.toJpeg(Fixtures.pngHeaderOnly(100_000, 100_000)));

        assertTrue(e.getMessage().startsWith("image too large: 100000x100000 pixels exceeds the limit of 50000000"), e.getMessage());
    }

    @Test
    void refusesAWebpBombFromItsHeaderAlone() {
        ImageConversionException e = assertThrows(ImageConversionException.class,
                () -> converter.toJpeg(Fixtures.resource("bomb-16383.webp")));

        assertTrue(e.getMessage().startsWith("image too large: 16383x16383 pixels exceeds the limit of 50000000"), e.getMessage());
    }

    @Test
    void failsATruncatedImageRatherThanSavingPartOfIt() {
        byte[] png = Fixtures.encode(Fixtures.gradient(BufferedImage.TYPE_INT_RGB), "png");
        byte[] cmyk = Fixtures.resource("cmyk-red.jpg");
        byte[] rgbJpeg = Fixtures.encode(Fixtures.gradient(BufferedImage.TYPE_INT_RGB), "jpg");

        assertReason("corrupt or truncated png", Arrays.copyOf(png, png.length / 2));
        assertReason("corrupt or truncated jpeg", Arrays.copyOf(cmyk, cmyk.length / 2));
        assertReason("corrupt or truncated jpeg", Arrays.copyOf(rgbJpeg, rgbJpeg.length - 40));
        assertReason("corrupt or truncated webp: libwebp: not enough data", Arrays.copyOf(Fixtures.resource("small-lossy.webp"), 60));
    }

    /** A PNG without IEND is shown by browsers when its image data is complete; one cut between two IDAT chunks is not whole. */
    @Test
    void acceptsAPngWithoutIendOnlyWhenItsImageDataIsComplete() throws Exception {
        BufferedImage noise = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(11);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        byte[] png = Fixtures.encode(noise, "png");
        byte[] withoutIend = Arrays.copyOf(png, png.length - 12);
        int secondIdat = indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII), indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII), 0) + 4) - 4;

        assertEquals(256, converter.toJpeg(withoutIend).width());
        assertTrue(secondIdat > 0, "ImageIO writes this PNG in several IDAT chunks");
        assertReason("corrupt or truncated png", Arrays.copyOf(png, secondIdat));
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = from; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void namesWhatIsNotAnImageOrNotSupported() {
        byte[] noise = new byte[2048];
        new Random(7).nextBytes(noise);
        noise[0] = 0x42;

        assertReason("not an image", noise);
        assertReason("not an image", "<!doctype html><html><body>Sold</body></html>".getBytes(StandardCharsets.UTF_8));
        assertReason("unsupported format svg", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8));
        assertReason("unsupported format avif", ftyp("avif"));
        assertReason("unsupported format heic", ftyp("heic"));
    }

    static byte[] ftyp(String brand) {
        byte[] box = new byte[32];
        box[3] = 24;
        System.arraycopy(("ftyp" + brand).getBytes(StandardCharsets.US_ASCII), 0, box, 4, 8);
        return box;
    }

    private void assertReason(String expected, byte[] source) {
        ImageConversionException e = assertThrows(ImageConversionException.class, () -> converter.toJpeg(source));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    /** The pixel as stored: a gray JPEG's samples are gamma-encoded, which getRGB would take for linear light. */
    private static Color pixel(BufferedImage image, int x, int y) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            int gray = image.getRaster().getSample(x, y, 0);
            return new Color(gray, gray, gray);
        }
        return new Color(image.getRGB(x, y));
    }

    private static void assertColour(Color expected, Color actual, int tolerance) {
        assertTrue(Math.abs(expected.getRed() - actual.getRed()) <= tolerance
                        && Math.abs(expected.getGreen() - actual.getGreen()) <= tolerance
                        && Math.abs(expected.getBlue() - actual.getBlue()) <= tolerance,
                "expected about " + expected + " but was " + actual);
    }

    @Test
    void refusesAnImageItsHeapBudgetCannotHoldAndConvertsOneItCan() throws Exception {
        JpegConverter small = new JpegConverter(JpegConverter.DEFAULT_MAX_PIXELS, 1, new HeapBudget(64 * 1024));

        ImageConversionException refused = assertThrows(ImageConversionException.class,
                () -> small.toJpeg(PhotoLikeSources.testResource("benchmark/photo-1024x768-lossy.webp")));

        assertTrue(refused.getMessage().startsWith("image too large for this server's memory: 1024x768 webp"), refused.getMessage());
        assertEquals(16, small.toJpeg(Fixtures.resource("adobe-rgb-green.png")).width(), "a 16x16 PNG fits in 64 KB");
    }
}
