package io.propertyimages.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.junit.jupiter.api.Test;

class WebPReadersTest {
    @Test
    void libwebpWorksHereSoItDecodesEveryWebp() {
        assertTrue(WebPReaders.libwebpWorks(), "the native library loads on this machine");
    }

    @Test
    void fallsBackOnTwelveMonkeysReaderAmongThoseImageIoOffers() throws Exception {
        byte[] webp = Fixtures.resource("small-lossy.webp");
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(webp))) {
            ImageReader reader = ReaderChoice.preferred(ImageIO.getImageReaders(in), ImageFormat.WEBP);
            reader.dispose();
            assertInstanceOf(com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi.class, reader.getOriginatingProvider());
        }
    }

    @Test
    void takesTheFirstFrameOfAnAnimationOutOfItsContainerAsAStillWebp() throws Exception {
        WebPContainer animation = WebPContainer.parse(Fixtures.resource("suite/anim-offset-lossy.webp"));

        assertTrue(animation.animated());
        assertEquals(64, animation.canvasWidth());
        assertEquals(48, animation.canvasHeight());
        assertEquals(16, animation.firstFrame().x());
        assertEquals(12, animation.firstFrame().y());
        ImageReader libwebp = WebPReaders.libwebp();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(animation.firstFrame().still()))) {
            libwebp.setInput(in);
            assertEquals(32, libwebp.read(0).getWidth(), "libwebp decodes the frame alone");
        } finally {
            libwebp.dispose();
        }
    }

    @Test
    void readsTheColourProfileOfAStillWebpAndLeavesItsBitstreamWhole() throws Exception {
        byte[] source = Fixtures.resource("adobe-rgb-green.webp");
        WebPContainer still = WebPContainer.parse(source);

        assertFalse(still.animated());
        assertTrue(still.iccProfile().isPresent(), "the ICCP chunk");
        assertArrayEquals(source, still.firstFrame().still());
    }

    @Test
    void refusesAnAnimationWhoseFrameRunsPastTheFile() throws IOException {
        byte[] animation = Fixtures.resource("suite/anim-offset-lossy.webp");
        byte[] cut = java.util.Arrays.copyOf(animation, animation.length - 100);

        ImageConversionException e = org.junit.jupiter.api.Assertions.assertThrows(ImageConversionException.class,
                () -> WebPContainer.parse(cut));
        assertTrue(e.getMessage().startsWith("corrupt or truncated webp: ANMF chunk runs past the end"), e.getMessage());
    }
}
