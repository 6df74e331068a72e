package io.propertyimages.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;

import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.twelvemonkeys.image.ImageUtil;

/**
 * The {@code Orientation} tag (274) of a TIFF, which TwelveMonkeys' reader reports but does not apply: values 2 to 8
 * say the stored rows are mirrored or rotated from how the picture is meant to be seen, and every viewer that
 * shows TIFF turns them back. The values are those of TIFF 6.0 (and EXIF).
 */
final class TiffOrientation implements Presentation {
    private static final String TIFF_FORMAT = "com_sun_media_imageio_plugins_tiff_image_1.0";
    private static final String ORIENTATION_TAG = "274";
    /** ImageUtil names a flip by its axis: about the vertical axis swaps left and right. */
    private static final int LEFT_RIGHT = ImageUtil.FLIP_VERTICAL;
    private static final int UPSIDE_DOWN = ImageUtil.FLIP_HORIZONTAL;

    private final int value;
    private final int storedWidth;
    private final int storedHeight;

    private TiffOrientation(int value, int storedWidth, int storedHeight) {
        this.value = value;
        this.storedWidth = storedWidth;
        this.storedHeight = storedHeight;
    }

    /** The orientation of the first image of {@code reader} (set to a TIFF); 1, as stored, when the tag is absent or invalid. */
    static TiffOrientation of(ImageReader reader) throws IOException {
        return new TiffOrientation(value(reader.getImageMetadata(0)), reader.getWidth(0), reader.getHeight(0));
    }

    private static int value(IIOMetadata metadata) {
        if (metadata == null || !TIFF_FORMAT.equals(metadata.getNativeMetadataFormatName())) {
            return 1;
        }
        NodeList fields = ((Element) metadata.getAsTree(TIFF_FORMAT)).getElementsByTagName("TIFFField");
        for (int i = 0; i < fields.getLength(); i++) {
            Element field = (Element) fields.item(i);
            if (ORIENTATION_TAG.equals(field.getAttribute("number"))) {
                NodeList values = field.getElementsByTagName("TIFFShort");
                int value = values.getLength() == 0 ? 1 : parse(((Element) values.item(0)).getAttribute("value"));
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** The width as seen: values 5 to 8 turn the picture a quarter, so it is the stored height. */
    @Override
    public int width() {
        return value >= 5 ? storedHeight : storedWidth;
    }

    @Override
    public int height() {
        return value >= 5 ? storedWidth : storedHeight;
    }

    /** The image as it is meant to be seen. */
    @Override
    public BufferedImage present(BufferedImage stored) {
        return switch (value) {
            case 2 -> ImageUtil.createFlipped(stored, LEFT_RIGHT);
            case 3 -> ImageUtil.createRotated(stored, ImageUtil.ROTATE_180);
            case 4 -> ImageUtil.createFlipped(stored, UPSIDE_DOWN);
            case 5 -> ImageUtil.createFlipped(ImageUtil.createRotated(stored, ImageUtil.ROTATE_90_CW), LEFT_RIGHT);
            case 6 -> ImageUtil.createRotated(stored, ImageUtil.ROTATE_90_CW);
            case 7 -> ImageUtil.createFlipped(ImageUtil.createRotated(stored, ImageUtil.ROTATE_90_CCW), LEFT_RIGHT);
            case 8 -> ImageUtil.createRotated(stored, ImageUtil.ROTATE_90_CCW);
            default -> stored;
        };
    }

    private static int parse(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
