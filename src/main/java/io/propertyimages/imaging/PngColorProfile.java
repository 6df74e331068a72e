package io.propertyimages.imaging;

import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;

import org.w3c.dom.Node;

/**
 * The colour space a PNG declares, which ImageIO's PNG reader reads but does not apply, as browsers do: the ICC
 * profile it embeds ({@code iCCP}, see {@link ColorProfile}), or else, unless it declares sRGB ({@code sRGB}), the
 * gamma it was encoded with ({@code gAMA}): a file saved with gamma 1.0, such as PngSuite's, comes out far darker
 * when its samples are taken for sRGB. Like Chromium's decoder, the gamma is taken with sRGB's primaries (a
 * {@code cHRM} chunk is not applied).
 */
final class PngColorProfile {
    private static final String PNG_METADATA_FORMAT = "javax_imageio_png_1.0";

    private PngColorProfile() {
    }

    /**
     * The decoded image of a PNG with {@code metadata}, its gamma applied: before it is put on white, as browsers
     * convert the colours first and then composite in sRGB.
     */
    static BufferedImage withGammaApplied(BufferedImage decoded, IIOMetadata metadata) {
        Optional<Node> root = tree(metadata);
        if (root.isEmpty() || chunk(root.get(), "iCCP").isPresent() || chunk(root.get(), "sRGB").isPresent()) {
            return decoded;
        }
        return chunk(root.get(), "gAMA")
                .map(gama -> GammaTable.of(Integer.parseInt(gama.getAttribute("value")) / 100_000.0).applyTo(decoded))
                .orElse(decoded);
    }

    /** The opaque image of a PNG with {@code metadata} in sRGB, when it embeds another RGB profile. */
    static BufferedImage withProfileApplied(BufferedImage opaque, IIOMetadata metadata) {
        if (opaque.getRaster().getNumBands() != 3) {
            return opaque;
        }
        return tree(metadata).flatMap(root -> chunk(root, "iCCP"))
                .filter(iccp -> iccp.getUserObject() instanceof byte[])
                .flatMap(iccp -> profile((byte[]) iccp.getUserObject()))
                .map(profile -> ColorProfile.toSrgb(opaque, profile))
                .orElse(opaque);
    }

    private static Optional<Node> tree(IIOMetadata metadata) {
        return metadata != null && PNG_METADATA_FORMAT.equals(metadata.getNativeMetadataFormatName())
                ? Optional.of(metadata.getAsTree(PNG_METADATA_FORMAT)) : Optional.empty();
    }

    private static Optional<IIOMetadataNode> chunk(Node root, String name) {
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeName().equals(name) && node instanceof IIOMetadataNode chunk) {
                return Optional.of(chunk);
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
