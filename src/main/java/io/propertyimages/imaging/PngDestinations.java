package io.propertyimages.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;

/**
 * Where the JDK's PNG reader decodes an 8-bit RGB or RGBA PNG: into bytes in the order the file stores them
 * ({@link RgbBytes}), which it copies a row at a time, instead of its default BGR or ABGR bytes, which it copies a
 * sample at a time (a third of a PNG's decoding time). Other PNGs keep the reader's default.
 */
final class PngDestinations {
    private PngDestinations() {
    }

    static ImageReadParam readParam(ImageReader reader) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        int defaultType = types.next().getBufferedImageType();
        ImageTypeSpecifier wanted = switch (defaultType) {
            case BufferedImage.TYPE_3BYTE_BGR -> RgbBytes.RGB;
            // RGBA, or RGB with a transparent colour (tRNS), to which the reader adds alpha
            case BufferedImage.TYPE_4BYTE_ABGR -> RgbBytes.RGBA;
            default -> null;
        };
        while (wanted != null && types.hasNext()) {
            ImageTypeSpecifier offered = types.next();
            if (offered.equals(wanted)) {
                param.setDestinationType(offered);
                break;
            }
        }
        return param;
    }
}
