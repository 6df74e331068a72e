package io.propertyimages.imaging;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The formats listing sites serve, told apart by their first bytes (magic numbers), never by a URL's extension or a
 * Content-Type. The one place that names them.
 */
public enum ImageFormat {
    JPEG, PNG, WEBP, GIF, BMP, TIFF, AVIF, HEIC, SVG, UNKNOWN;

    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1");

    /** The format of an image from its first bytes (16 are enough but for SVG, which wants up to 1 KB). */
    public static ImageFormat detect(byte[] head) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
            return WEBP;
        }
        if (startsWith(head, 0, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (startsWith(head, 0, 'B', 'M')) {
            return BMP;
        }
        if (startsWith(head, 0, 'I', 'I', '*', 0) || startsWith(head, 0, 'M', 'M', 0, '*')
                || startsWith(head, 0, 'I', 'I', '+', 0) || startsWith(head, 0, 'M', 'M', 0, '+')) {
            return TIFF;
        }
        if (startsWith(head, 4, 'f', 't', 'y', 'p') && head.length >= 12) {
            String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
            if (AVIF_BRANDS.contains(brand)) {
                return AVIF;
            }
            if (HEIC_BRANDS.contains(brand)) {
                return HEIC;
            }
        }
        return isSvg(head) ? SVG : UNKNOWN;
    }

    /** The lower-case name a manifest records, e.g. {@code webp}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static boolean isSvg(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 1024), StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).stripLeading();
        }
        return text.startsWith("<svg") || (text.startsWith("<?xml") && text.contains("<svg"));
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
