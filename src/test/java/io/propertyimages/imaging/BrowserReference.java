package io.propertyimages.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * A fixture of {@code images/suite} with what a browser shows for it: {@code images/reference/NAME.png}, rendered by
 * headless Chromium ({@code images/render-references.sh}), or the reason the converter must give for refusing it.
 * {@code images/references.txt} lists them, one a line: the fixture, then the largest mean absolute difference
 * ({@link #difference}) allowed between the JPEG and the reference, or {@code refused:} and the start of
 * the reason.
 */
record BrowserReference(String fixture, double tolerance, String refusal) {

    static List<BrowserReference> all() {
        List<BrowserReference> references = new ArrayList<>();
        for (String line : new String(Fixtures.resource("references.txt"), StandardCharsets.UTF_8).split("\n")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] fields = entry.split("\\s+", 2);
            String rest = fields[1].strip();
            references.add(rest.startsWith("refused:")
                    ? new BrowserReference(fields[0], 0, rest.substring("refused:".length()).strip())
                    : new BrowserReference(fields[0], Double.parseDouble(rest.split("\\s+")[0]), null));
        }
        return references;
    }

    byte[] source() {
        return Fixtures.resource("suite/" + fixture);
    }

    BufferedImage shown() {
        return decode(Fixtures.resource("reference/" + fixture + ".png"));
    }

    static BufferedImage decode(byte[] image) {
        try {
            return ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How far the JPEG is from what the browser shows, as the mean absolute difference of their sRGB channels (of
     * 255, over every pixel): a JPEG kept byte for byte is compared with the rendering itself; a converted one with
     * the rendering put through the same encoder, so that a decode identical to the browser's scores 0 and JPEG's
     * own loss (chroma subsampling blurs a dithered or checkered picture by 20 or more) does not hide a colour, a
     * place or an orientation gone wrong.
     */
    double difference(JpegImage jpeg) throws IOException {
        BufferedImage shown = shown();
        boolean kept = Arrays.equals(jpeg.bytes(), source());
        BufferedImage expected = kept ? shown : decode(JpegEncoder.encode(WhiteBackground.flatten(shown)));
        return meanAbsoluteDifference(decode(jpeg.bytes()), expected);
    }

    static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = rgb(a, x, y);
                int q = rgb(b, x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    /** The pixel as stored: a gray image's samples are gamma-encoded, which getRGB would take for linear light. */
    private static int rgb(BufferedImage image, int x, int y) {
        if (image.getRaster().getNumBands() == 1) {
            int gray = image.getRaster().getSample(x, y, 0);
            return gray << 16 | gray << 8 | gray;
        }
        return image.getRGB(x, y);
    }

    @Override
    public String toString() {
        return fixture;
    }
}
