package io.propertyimages.store;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a street address into a folder name: lower case, every run of characters outside a-z0-9 replaced by one
 * {@code -}, trimmed of {@code -}. "123 Main St, Phoenix, AZ 85001" becomes "123-main-st-phoenix-az-85001".
 * The result can never name a parent folder or an absolute path.
 */
public final class AddressNormalizer {
    /** Longer names are cut and given a hash suffix, so they stay unique and within file-system limits. */
    static final int MAX_LENGTH = 100;
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private AddressNormalizer() {
    }

    /** The folder name for an address; empty when the address has no letter or digit a-z0-9 at all. */
    public static String normalize(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        String dashed = NOT_ALPHANUMERIC.matcher(lower).replaceAll("-");
        String trimmed = trimDashes(dashed);
        if (trimmed.length() <= MAX_LENGTH) {
            return trimmed;
        }
        String suffix = "-" + ContentHash.md5(address.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        return trimDashes(trimmed.substring(0, MAX_LENGTH - suffix.length())) + suffix;
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }

}
