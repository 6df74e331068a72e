package io.propertyimages.benchmark;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.propertyimages.imaging.PhotoLikeSources;

/**
 * The images the benchmark's image host serves, mixed like real listings: in every 20 URLs, 10 JPEG (one of them
 * 2048x1536, one progressive), 5 WebP (one 2048x1536, one lossless), 4 PNG (one with transparency) and one oddity
 * (CMYK JPEG at either size, or an animated WebP), the rest 1024x768. Photo-like sources are generated the same way
 * every time, with a few seeds so files differ, and cached in a folder; WebP and CMYK come from the test resources,
 * as ImageIO cannot write them. Every URL is distinct, so the job downloads each one.
 */
final class BenchmarkCorpus {
    static final String TINY = "tiny.jpg";
    private static final int JPEG_SEEDS = 6;
    private static final int PNG_SEEDS = 3;

    private final Map<String, byte[]> sources;

    private BenchmarkCorpus(Map<String, byte[]> sources) {
        this.sources = sources;
    }

    /** Loads the corpus from {@code cache}, generating (and saving) what is not there yet. */
    static BenchmarkCorpus loadOrMake(Path cache) throws IOException {
        Files.createDirectories(cache);
        Map<String, byte[]> sources = new LinkedHashMap<>();
        for (String name : names()) {
            Path file = cache.resolve(name);
            if (!Files.exists(file)) {
                Path partial = cache.resolve(name + ".part");
                Files.write(partial, make(name));
                Files.move(partial, file);
            }
            sources.put(name, Files.readAllBytes(file));
        }
        return new BenchmarkCorpus(sources);
    }

    /** The name of the source that the {@code index}-th URL of a mixed input serves. */
    static String mixedSource(long index) {
        int slot = (int) (index % 20);
        int round = (int) (index / 20);
        return switch (slot) {
            case 4 -> "jpeg-2048-s" + round % 2 + ".jpg";
            case 9 -> "jpeg-progressive-s" + round % 2 + ".jpg";
            case 10, 11, 13 -> "webp-lossy-1024.webp";
            case 12 -> "webp-lossy-2048.webp";
            case 14 -> "webp-lossless-1024.webp";
            case 15, 16, 17 -> "png-s" + (slot + round) % PNG_SEEDS + ".png";
            case 18 -> "png-rgba.png";
            case 19 -> List.of("jpeg-cmyk-1024.jpg", "jpeg-cmyk-2048.jpg", "webp-animated.webp").get(round % 3);
            default -> "jpeg-s" + (slot + round) % JPEG_SEEDS + ".jpg";
        };
    }

    byte[] bytes(String name) {
        return sources.get(name);
    }

    /** Name and size of every source, for the benchmark's header. */
    Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sources.forEach((name, bytes) -> sizes.put(name, bytes.length));
        return sizes;
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int seed = 0; seed < JPEG_SEEDS; seed++) {
            names.add("jpeg-s" + seed + ".jpg");
        }
        names.addAll(List.of("jpeg-2048-s0.jpg", "jpeg-2048-s1.jpg", "jpeg-progressive-s0.jpg", "jpeg-progressive-s1.jpg"));
        for (int seed = 0; seed < PNG_SEEDS; seed++) {
            names.add("png-s" + seed + ".png");
        }
        names.addAll(List.of("png-rgba.png", "webp-lossy-1024.webp", "webp-lossy-2048.webp", "webp-lossless-1024.webp",
                "jpeg-cmyk-1024.jpg", "jpeg-cmyk-2048.jpg", "webp-animated.webp", TINY));
        return names;
    }

    private static byte[] make(String name) throws IOException {
        return switch (name) {
            case "webp-lossy-1024.webp" -> PhotoLikeSources.testResource("benchmark/photo-1024x768-lossy.webp");
            case "webp-lossy-2048.webp" -> PhotoLikeSources.testResource("benchmark/photo-2048x1536-lossy.webp");
            case "webp-lossless-1024.webp" -> PhotoLikeSources.testResource("benchmark/photo-1024x768-lossless.webp");
            case "jpeg-cmyk-1024.jpg" -> PhotoLikeSources.testResource("benchmark/photo-1024x768-cmyk.jpg");
            case "jpeg-cmyk-2048.jpg" -> PhotoLikeSources.testResource("benchmark/photo-2048x1536-cmyk.jpg");
            case "webp-animated.webp" -> PhotoLikeSources.testResource("images/animated.webp");
            case "png-rgba.png" -> PhotoLikeSources.png(PhotoLikeSources.photo(1024, 768, true, 100));
            case TINY -> PhotoLikeSources.jpeg(PhotoLikeSources.photo(64, 48, false, 200), false);
            default -> generated(name);
        };
    }

    /**
     * Twice as wide and high, interpolated: a large photo is smoother per pixel than a small one (noise at full
     * resolution would make it weigh twice what large listing JPEGs do).
     */
    private static BufferedImage doubled(BufferedImage photo) {
        BufferedImage large = new BufferedImage(photo.getWidth() * 2, photo.getHeight() * 2, photo.getType());
        Graphics2D g = large.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(photo, 0, 0, large.getWidth(), large.getHeight(), null);
        g.dispose();
        return large;
    }

    /** {@code jpeg-sN.jpg}, {@code jpeg-2048-sN.jpg}, {@code jpeg-progressive-sN.jpg}, {@code png-sN.png}. */
    private static byte[] generated(String name) throws IOException {
        long seed = name.charAt(name.lastIndexOf('.') - 1) - '0';
        if (name.startsWith("png-")) {
            return PhotoLikeSources.png(PhotoLikeSources.photo(1024, 768, false, 10 + seed));
        }
        boolean large = name.startsWith("jpeg-2048");
        BufferedImage photo = large
                ? doubled(PhotoLikeSources.photo(1024, 768, false, 20 + seed))
                : PhotoLikeSources.photo(1024, 768, false, (name.contains("progressive") ? 30 : 0) + seed);
        return PhotoLikeSources.jpeg(photo, name.contains("progressive"));
    }
}
