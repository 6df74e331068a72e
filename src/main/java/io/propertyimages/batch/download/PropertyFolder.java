package io.propertyimages.batch.download;

import java.nio.file.Path;

import io.propertyimages.store.AddressNormalizer;

/** The folder of a property's images, {@code {outputDir}/{normalized_address}}, and the address it was made for. */
record PropertyFolder(Path path, String address) {
    static PropertyFolder of(Path outputDir, String address) {
        return new PropertyFolder(outputDir.resolve(AddressNormalizer.normalize(address)), address);
    }
}
