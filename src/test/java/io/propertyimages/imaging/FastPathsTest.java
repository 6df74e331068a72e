package io.propertyimages.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.twelvemonkeys.imageio.color.YCbCrConverter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The converter's faster paths (CMYK in one loop, PNG rows in file order, the JDK's JPEG writer on RGB bytes) give
 * exactly the pixels and bytes of the plain ImageIO paths they replace.
 */
class FastPathsTest {
    static Stream<Arguments> cmykJpegs() throws IOException {
        return Stream.of(
                Arguments.of("cmyk-red", Fixtures.resource("cmyk-red.jpg")),
                Arguments.of("ycck-red", Fixtures.resource("ycck-red.jpg")),
                Arguments.of("cmyk-without-adobe-marker", Fixtures.resource("cmyk-no-adobe-red.jpg")),
                Arguments.of("photo-1024x768-cmyk", PhotoLikeSources.testResource("benchmark/photo-1024x768-cmyk.jpg")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cmykJpegs")
    void readsACmykJpegIntoTheRgbTwelveMonkeysGives(String name, byte[] jpeg) throws IOException {
        BufferedImage expected = read(jpeg, reader -> reader.read(0));
        BufferedImage fast = read(jpeg, reader -> CmykJpegs.read(reader, jpeg));

        assertTrue(RgbBytes.isRgb(fast), "read in one loop into RGB bytes");
        RgbBytesTest.assertSamePixels(expected, fast);
    }

    @Test
    void convertsEveryYccValueAsTwelveMonkeysConverterDoes() {
        for (int luma : new int[] {0, 37, 128, 200, 255}) {
            WritableRaster ycck = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 256, 256, 4, null);
            for (int cb = 0; cb < 256; cb++) {
                for (int cr = 0; cr < 256; cr++) {
                    ycck.setPixel(cb, cr, new int[] {luma, cb, cr, 255});
                }
            }
            BufferedImage rgb = CmykJpegs.toRgb(ycck, true);
            for (int cb = 0; cb < 256; cb++) {
                for (int cr = 0; cr < 256; cr++) {
                    byte[] cmy = {(byte) luma, (byte) cb, (byte) cr};
                    YCbCrConverter.convertJPEGYCbCr2RGB(cmy, cmy, 0);
                    int[] expected = {255 - (cmy[0] & 0xFF), 255 - (cmy[1] & 0xFF), 255 - (cmy[2] & 0xFF)};
                    assertArrayEquals(expected, rgb.getRaster().getPixel(cb, cr, (int[]) null), "y=" + luma + " cb=" + cb + " cr=" + cr);
                }
            }
        }
    }

    @Test
    void leavesAJpegWithAColourProfileToTwelveMonkeys() throws IOException {
        byte[] jpeg = Fixtures.resource("jpeg-with-icc.jpg");

        BufferedImage read = read(jpeg, reader -> CmykJpegs.read(reader, jpeg));

        RgbBytesTest.assertSamePixels(read(jpeg, reader -> reader.read(0)), read);
    }

    @Test
    void readsTheColourHeaderOfAJpeg() {
        assertEquals(new JpegMarkers.ColourHeader(4, false, 2), JpegMarkers.colourHeader(Fixtures.resource("ycck-red.jpg")).orElseThrow());
        assertEquals(new JpegMarkers.ColourHeader(4, false, -1), JpegMarkers.colourHeader(Fixtures.resource("cmyk-no-adobe-red.jpg")).orElseThrow());
        assertEquals(3, JpegMarkers.colourHeader(Fixtures.resource("jpeg-with-icc.jpg")).orElseThrow().components());
        assertTrue(JpegMarkers.colourHeader(Fixtures.resource("jpeg-with-icc.jpg")).orElseThrow().iccProfile());
        assertTrue(JpegMarkers.colourHeader(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x7F}).isEmpty(), "cut short");
    }

    static Stream<Arguments> pngs() throws IOException {
        return Stream.of(
                Arguments.of("rgb", PhotoLikeSources.png(PhotoLikeSources.photo(120, 80, false)), true),
                Arguments.of("rgba", PhotoLikeSources.png(PhotoLikeSources.photo(120, 80, true)), true),
                Arguments.of("rgb-with-transparent-colour", withTransparentColour(PhotoLikeSources.png(PhotoLikeSources.photo(120, 80, false))), true),
                Arguments.of("gray", Fixtures.encode(Fixtures.gradient(BufferedImage.TYPE_BYTE_GRAY), "png"), false),
                Arguments.of("palette", Fixtures.encode(Fixtures.palette(true), "png"), false),
                Arguments.of("16-bit-rgb", Fixtures.encode(Fixtures.rgb16(), "png"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pngs")
    void readsAnRgbPngInFileOrderToTheSamePixels(String name, byte[] png, boolean inFileOrder) throws IOException {
        BufferedImage expected = read(png, reader -> reader.read(0));
        BufferedImage fast = read(png, reader -> reader.read(0, PngDestinations.readParam(reader)));

        assertEquals(inFileOrder, RgbBytes.isRgb(fast) || RgbBytes.isRgba(fast));
        RgbBytesTest.assertSamePixels(expected, fast);
        RgbBytesTest.assertSamePixels(WhiteBackground.flatten(expected), WhiteBackground.flatten(fast));
    }

    @Test
    void aPngsTransparentColourBecomesWhite() throws IOException {
        BufferedImage photo = PhotoLikeSources.photo(120, 80, false);
        int transparent = photo.getRGB(0, 0) & 0xFFFFFF;
        byte[] png = withTransparentColour(PhotoLikeSources.png(photo));

        BufferedImage flat = WhiteBackground.flatten(read(png, reader -> reader.read(0, PngDestinations.readParam(reader))));

        assertEquals(0xFFFFFF, flat.getRGB(0, 0) & 0xFFFFFF, "the tRNS colour " + Integer.toHexString(transparent));
    }

    @Test
    void encodesRgbBytesToTheBytesImageIoWritesForTheSamePixels() throws IOException {
        BufferedImage photo = PhotoLikeSources.photo(333, 217, false);
        BufferedImage bgr = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(photo, 0, 0, null);

        // What the converter wrote before it took the JDK's writer on RGB bytes: ImageIO's first JPEG writer on BGR bytes
        byte[] expected = PhotoLikeSources.jpeg(bgr, false);
        assertArrayEquals(expected, JpegEncoder.encode(bgr));
        assertArrayEquals(expected, JpegEncoder.encode(RgbBytes.of(bgr)));
        assertArrayEquals(expected, JpegEncoder.encode(photo));
    }

    /** The PNG with a tRNS chunk, before its first IDAT, making the colour of its first pixel transparent. */
    private static byte[] withTransparentColour(byte[] png) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        int rgb = decoded.getRGB(0, 0);
        ByteBuffer trns = ByteBuffer.allocate(4 + 6);
        trns.put("tRNS".getBytes(StandardCharsets.US_ASCII)).putShort((short) (rgb >> 16 & 0xFF))
                .putShort((short) (rgb >> 8 & 0xFF)).putShort((short) (rgb & 0xFF));
        CRC32 crc = new CRC32();
        crc.update(trns.array());
        int idat = indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII)) - 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, idat);
        out.write(ByteBuffer.allocate(4).putInt(6).array());
        out.write(trns.array());
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(png, idat, png.length - idat);
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

    @FunctionalInterface
    private interface Reading {
        BufferedImage read(ImageReader reader) throws IOException;
    }

    private static BufferedImage read(byte[] bytes, Reading reading) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                return reading.read(reader);
            } finally {
                reader.dispose();
            }
        }
    }
}
