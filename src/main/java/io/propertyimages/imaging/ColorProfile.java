package io.propertyimages.imaging;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.util.Optional;

/**
 * An embedded ICC profile that the decoder read but did not apply (ImageIO's PNG reader, libwebp): a photo saved in
 * Adobe RGB, say, would otherwise come out dull. Converting to sRGB makes the JPEG look as browsers show the source.
 */
final class ColorProfile {
    private ColorProfile() {
    }

    /** The profile in {@code icc}, if it is a valid RGB profile other than sRGB. */
    static Optional<ICC_ColorSpace> rgbOtherThanSrgb(byte[] icc) {
        try {
            ICC_Profile profile = ICC_Profile.getInstance(icc);
            boolean rgb = profile.getColorSpaceType() == ColorSpace.TYPE_RGB;
            boolean srgb = profile.equals(ICC_Profile.getInstance(ColorSpace.CS_sRGB));
            return rgb && !srgb ? Optional.of(new ICC_ColorSpace(profile)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The same opaque pixels, converted from {@code profile} to sRGB. */
    static BufferedImage toSrgb(BufferedImage opaque, ICC_ColorSpace profile) {
        BufferedImage srgb = new BufferedImage(opaque.getWidth(), opaque.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        new ColorConvertOp(profile, ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(opaque.getRaster(), srgb.getRaster());
        return srgb;
    }
}
