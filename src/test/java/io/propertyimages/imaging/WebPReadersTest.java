package io.propertyimages.imaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.junit.jupiter.api.Test;

class WebPReadersTest {
    @Test
    void decodesStillWebpsWithLibwebp() throws Exception {
        for (String still : new String[] {"small-lossy.webp", "small-lossless.webp", "alpha.webp"}) {
            assertInstanceOf(com.luciad.imageio.webp.WebPImageReaderSpi.class, chosenFor(Fixtures.resource(still)), still);
        }
    }

    @Test
    void leavesAnimatedWebpsAndThoseWithAColourProfileToTwelveMonkeys() throws Exception {
        for (String javaOnly : new String[] {"animated.webp", "adobe-rgb-green.webp"}) {
            assertTrue(WebPReaders.needsJavaReader(Fixtures.resource(javaOnly)), javaOnly);
            assertInstanceOf(com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi.class,
                    chosenFor(Fixtures.resource(javaOnly)), javaOnly);
        }
        assertFalse(WebPReaders.needsJavaReader(Fixtures.resource("alpha.webp")), "alpha alone is libwebp's");
    }

    private static ImageReaderSpi chosenFor(byte[] webp) throws IOException, ImageConversionException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(webp))) {
            ImageReader reader = WebPReaders.choose(ImageIO.getImageReaders(in), webp);
            reader.dispose();
            return reader.getOriginatingProvider();
        }
    }
}
