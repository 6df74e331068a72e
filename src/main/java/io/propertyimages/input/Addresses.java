package io.propertyimages.input;

import io.propertyimages.store.AddressNormalizer;

/** Checks that an address can name a property folder. */
final class Addresses {
    private Addresses() {
    }

    static void requireFolderName(String address, String where) throws InputFormatException {
        if (AddressNormalizer.normalize(address).isEmpty()) {
            throw new InputFormatException(where + " \"" + address + "\" has no letter or digit a-z 0-9 to name its folder");
        }
    }
}
