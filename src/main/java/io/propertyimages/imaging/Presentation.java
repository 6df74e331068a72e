package io.propertyimages.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;

import javax.imageio.ImageReader;

/**
 * How browsers and viewers show the first image a reader decodes: its size, and the opaque pixels they put there.
 * Known from the metadata before any pixel is decoded, so the pixel limit applies to what will be shown.
 */
interface Presentation {
    int width();

    int height();

    /** The picture as it is shown, from the decoded first image already put on white. */
    BufferedImage present(BufferedImage opaque);

    /** The presentation of the first image of {@code reader}, set to a file of {@code format}, with its metadata. */
    static Presentation of(ImageReader reader, ImageFormat format) throws IOException {
        return switch (format) {
            case GIF -> GifScreen.of(reader);
            case TIFF -> TiffOrientation.of(reader);
            default -> asStored(reader.getWidth(0), reader.getHeight(0));
        };
    }

    /** The image as it is stored. */
    static Presentation asStored(int width, int height) {
        return new AsStored(width, height);
    }

    /** An image shown as it is stored. */
    record AsStored(int width, int height) implements Presentation {
        @Override
        public BufferedImage present(BufferedImage opaque) {
            return opaque;
        }
    }
}
