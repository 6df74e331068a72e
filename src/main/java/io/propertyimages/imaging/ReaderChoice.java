package io.propertyimages.imaging;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageReader;

/**
 * Picks, among the readers ImageIO offers for a file, TwelveMonkeys' when there is one, whatever order the registry
 * has them in (it depends on how and when the plugins were registered). The JDK's readers refuse files that
 * browsers show: a BMP whose pixels start after a gap following its palette, a BigTIFF, a CMYK JPEG.
 */
final class ReaderChoice {
    private ReaderChoice() {
    }

    /**
     * TwelveMonkeys' reader among {@code offered}, else the first; the others are disposed.
     *
     * @throws ImageConversionException naming {@code format} when ImageIO offers none
     */
    static ImageReader preferred(Iterator<ImageReader> offered, ImageFormat format) throws ImageConversionException {
        List<ImageReader> candidates = new ArrayList<>();
        offered.forEachRemaining(candidates::add);
        ImageReader chosen = candidates.stream().filter(ReaderChoice::isTwelveMonkeys).findFirst()
                .orElseGet(() -> candidates.isEmpty() ? null : candidates.get(0));
        if (chosen == null) {
            throw new ImageConversionException("unsupported format " + format.label() + " (no reader)");
        }
        candidates.stream().filter(reader -> reader != chosen).forEach(ImageReader::dispose);
        return chosen;
    }

    private static boolean isTwelveMonkeys(ImageReader reader) {
        return reader.getOriginatingProvider() != null
                && reader.getOriginatingProvider().getClass().getName().startsWith("com.twelvemonkeys.");
    }
}
