package io.propertyimages.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

import org.junit.jupiter.api.Test;

class ReaderChoiceTest {
    /** The JDK's BMP reader fails on a BMP whose pixels start after a gap following the palette; TwelveMonkeys' reads it. */
    @Test
    void takesTwelveMonkeysReaderWhicheverComesFirst() throws Exception {
        List<ImageReader> jdkFirst = new ArrayList<>();
        ImageIO.getImageReadersByFormatName("bmp").forEachRemaining(jdkFirst::add);
        jdkFirst.sort(Comparator.comparing(reader -> reader.getClass().getName().startsWith("com.twelvemonkeys.")));
        assertEquals("com.sun.imageio.plugins.bmp.BMPImageReader", jdkFirst.get(0).getClass().getName());

        ImageReader chosen = ReaderChoice.preferred(jdkFirst.iterator(), ImageFormat.BMP);

        assertInstanceOf(com.twelvemonkeys.imageio.plugins.bmp.BMPImageReaderSpi.class, chosen.getOriginatingProvider());
        chosen.dispose();
    }

    @Test
    void takesTheOnlyReaderOffered() throws Exception {
        ImageReader gif = ImageIO.getImageReadersByFormatName("gif").next();

        assertEquals(gif, ReaderChoice.preferred(List.of(gif).iterator(), ImageFormat.GIF));
        gif.dispose();
    }
}
