package io.propertyimages.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongFunction;

/** Writes the job's JSON input: {@code properties} homes with {@code imagesEach} distinct image URLs each. */
final class InputFiles {
    private InputFiles() {
    }

    /**
     * @param source the name of the corpus source the {@code n}-th URL of the file serves
     */
    static Path write(Path file, int properties, int imagesEach, String hostUrl, LongFunction<String> source)
            throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("{\"properties\": [\n");
            for (int p = 0; p < properties; p++) {
                out.write(p == 0 ? "" : ",\n");
                out.write("{\"address\": \"" + (p + 1) + " Benchmark Ave, Phoenix, AZ 85001\", \"imageUrls\": [");
                for (int k = 0; k < imagesEach; k++) {
                    long n = (long) p * imagesEach + k;
                    out.write((k == 0 ? "\"" : ", \"") + hostUrl + "/p" + p + "/" + k + "/" + source.apply(n) + "\"");
                }
                out.write("]}");
            }
            out.write("\n]}\n");
        }
        return file.toAbsolutePath();
    }
}
