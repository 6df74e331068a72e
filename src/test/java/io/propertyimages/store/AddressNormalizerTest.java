package io.propertyimages.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressNormalizerTest {
    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "123 Main St, Phoenix, AZ 85001|123-main-st-phoenix-az-85001",
            "  4567 E. Camelback Rd.  |4567-e-camelback-rd",
            "9 Elm Rd #4, Tempe|9-elm-rd-4-tempe",
            "../../etc/passwd|etc-passwd",
            "/var/lib/x|var-lib-x",
            "Straße 5, München|stra-e-5-m-nchen",
            "---|''",
            "日本|''",
    })
    void lowerCasesAndReplacesEveryOtherRunOfCharactersWithOneDash(String address, String expected) {
        assertEquals(expected, AddressNormalizer.normalize(address));
    }

    @Test
    void cutsVeryLongAddressesAndKeepsThemApartWithAHash() {
        String a = "1 " + "very long street name ".repeat(20) + "A";
        String b = "1 " + "very long street name ".repeat(20) + "B";

        String normalizedA = AddressNormalizer.normalize(a);

        assertTrue(normalizedA.length() <= AddressNormalizer.MAX_LENGTH, normalizedA);
        assertTrue(normalizedA.matches("[a-z0-9-]+-[0-9a-f]{8}"), normalizedA);
        assertNotEquals(normalizedA, AddressNormalizer.normalize(b));
    }
}
