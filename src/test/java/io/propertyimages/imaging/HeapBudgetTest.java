package io.propertyimages.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;

class HeapBudgetTest {
    private static final long MB = 1024 * 1024;

    @Test
    void estimatesTwelveMonkeysWebpReaderAtItsDecodersCostAndOtherReadersAtTheirRasters() throws IOException {
        ImageReader javaWebP = new com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi().createReaderInstance(null);
        ImageReader libwebp = new com.luciad.imageio.webp.WebPImageReaderSpi().createReaderInstance(null);
        ImageReader bmp = ImageIO.getImageReadersByFormatName("bmp").next();

        assertEquals(2048L * 1536 * 32, HeapBudget.estimate(javaWebP, ImageFormat.WEBP, 2048, 1536));
        assertEquals(2048L * 1536 * 16, HeapBudget.estimate(libwebp, ImageFormat.WEBP, 2048, 1536));
        assertEquals(2048L * 1536 * 16, HeapBudget.estimate(bmp, ImageFormat.BMP, 2048, 1536));
        assertEquals(2048L * 1536 * 10, HeapBudget.estimateWebP(2048, 1536, true), "libwebp's still WebP, its ints to bytes");
        assertEquals(2048L * 1536 * 16, HeapBudget.estimateWebP(2048, 1536, false), "libwebp's frame, by the canvas it draws on");
    }

    @Test
    void estimatesAnEightBitPngBelowASixteenBitOne() throws IOException {
        assertEquals(64L * 48 * 14, estimateOfPng(Fixtures.encode(Fixtures.gradient(BufferedImage.TYPE_INT_RGB), "png")));
        assertEquals(64L * 48 * 16, estimateOfPng(Fixtures.encode(Fixtures.rgb16(), "png")));
    }

    private static long estimateOfPng(byte[] png) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in);
            return HeapBudget.estimate(reader, ImageFormat.PNG, reader.getWidth(0), reader.getHeight(0));
        } finally {
            reader.dispose();
        }
    }

    @Test
    void refusesADecodeThatNeedsMoreThanTheWholeBudgetWithoutRunningIt() {
        HeapBudget budget = new HeapBudget(100 * MB);
        AtomicInteger runs = new AtomicInteger();

        ImageConversionException refused = assertThrows(ImageConversionException.class,
                () -> budget.run(7071L * 7071 * 32, "7071x7071 webp", runs::incrementAndGet));

        assertEquals("image too large for this server's memory: 7071x7071 webp needs about 1526 MB to convert, more than"
                + " the 100 MB the heap allows (raise -Xmx in jvm.options, or lower image.max.pixels)", refused.getMessage());
        assertEquals(0, runs.get());
    }

    @Test
    void runsDecodesThatTogetherExceedTheBudgetOneAfterTheOther() throws Exception {
        HeapBudget budget = new HeapBudget(100 * MB);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> decodes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                decodes.add(threads.submit(() -> budget.run(60 * MB, "a big image", () -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.sleep(20);
                    return running.decrementAndGet();
                })));
            }
            for (Future<Integer> decode : decodes) {
                decode.get(5, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, peak.get(), "two decodes of 60 MB never hold a budget of 100 MB at once");
    }

    @Test
    void givesBackWhatAFailedDecodeReserved() throws Exception {
        HeapBudget budget = new HeapBudget(100 * MB);

        assertThrows(IOException.class, () -> budget.run(90 * MB, "a corrupt image", () -> {
            throw new IOException("corrupt");
        }));

        assertEquals("next", budget.run(90 * MB, "the next image", () -> "next"));
    }
}
