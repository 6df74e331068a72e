package io.propertyimages.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Images per second on one thread for each conversion path, against ImageIO alone decoding the same bytes and
 * encoding the same pixels as JPEG quality 85. Run with {@code mvn -B -Pbenchmark test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Djava.awt.headless=true"})
public class ConversionBenchmark {
    @Param({"jpeg-kept", "jpeg-cmyk", "png-rgb", "png-rgba", "webp-lossy", "webp-lossless"})
    public String source;

    @Param({"1024x768", "2048x1536"})
    public String size;

    private final JpegConverter converter = new JpegConverter(JpegConverter.DEFAULT_MAX_PIXELS);
    private byte[] bytes;
    private BufferedImage opaquePixels;

    @Setup
    public void makeSource() throws Exception {
        String[] dimensions = size.split("x");
        bytes = PhotoLikeSources.make(source, Integer.parseInt(dimensions[0]), Integer.parseInt(dimensions[1]));
        opaquePixels = WhiteBackground.flatten(decode());
        JpegImage converted = converter.toJpeg(bytes);
        boolean kept = converted.bytes() == bytes;
        if (kept != source.equals("jpeg-kept")) {
            throw new IllegalStateException(source + " took the wrong path: kept=" + kept);
        }
    }

    @Benchmark
    public JpegImage convert() throws ImageConversionException {
        return converter.toJpeg(bytes);
    }

    /** What ImageIO alone costs for the same work: decode the bytes, encode opaque pixels of the same size. */
    @Benchmark
    public byte[] imageIoDecodeAndEncode() throws IOException, ImageConversionException {
        BufferedImage decoded = decode();
        if (decoded.getWidth() != opaquePixels.getWidth()) {
            throw new IllegalStateException("decoded " + decoded.getWidth() + " wide");
        }
        return JpegEncoder.encode(opaquePixels);
    }

    /** libwebp's reader, which the converter uses, or else TwelveMonkeys' of those ImageIO offers. */
    private static ImageReader webpReader(Iterator<ImageReader> offered) throws ImageConversionException {
        if (!WebPReaders.libwebpWorks()) {
            return ReaderChoice.preferred(offered, ImageFormat.WEBP);
        }
        offered.forEachRemaining(ImageReader::dispose);
        return WebPReaders.libwebp();
    }

    /** The source decoded by the reader the converter picks: two readers offer to decode a WebP. */
    private BufferedImage decode() throws IOException, ImageConversionException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = source.startsWith("webp") ? webpReader(readers) : readers.next();
            try {
                reader.setInput(in);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }
}
