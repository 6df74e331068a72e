package io.propertyimages.imaging;

import java.awt.color.ICC_ColorSpace;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;

import org.w3c.dom.Node;

/** The ICC profile a PNG embeds ({@code iCCP}), which ImageIO's PNG reader reads but does not apply ({@link ColorProfile}). */
final class PngColorProfile {
    private static final String PNG_METADATA_FORMAT = "javax_imageio_png_1.0";

    private PngColorProfile() {
    }

    /** The embedded RGB profile, if there is one and it is not sRGB already. */
    static Optional<ICC_ColorSpace> of(IIOMetadata metadata) {
        if (metadata == null || !PNG_METADATA_FORMAT.equals(metadata.getNativeMetadataFormatName())) {
            return Optional.empty();
        }
        for (Node node = metadata.getAsTree(PNG_METADATA_FORMAT).getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeName().equals("iCCP") && node instanceof IIOMetadataNode iccp && iccp.getUserObject() instanceof byte[] deflated) {
                return profile(deflated);
            }
        }
        return Optional.empty();
    }

    private static Optional<ICC_ColorSpace> profile(byte[] deflated) {
        try {
            return ColorProfile.rgbOtherThanSrgb(inflate(deflated));
        } catch (DataFormatException e) {
            return Optional.empty();
        }
    }

    private static byte[] inflate(byte[] deflated) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream profile = new ByteArrayOutputStream(deflated.length * 3);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated iCCP profile");
                }
                profile.write(buffer, 0, n);
            }
            return profile.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
