package io.propertyimages.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the property folders under the images root, for the gallery: a property folder is one that holds an
 * {@code images_manifest.json}, directly under the root or under an {@code outputDir} inside it. Folders are named by
 * their path relative to the root with {@code /} between the parts; a name that would leave the root, pass through a
 * hidden folder or a symbolic link out of the root, or name a folder without a manifest names nothing. Only files
 * that the manifest lists are ever handed out. Thread-safe; it only reads.
 */
public final class PropertyFolders {
    /** How deep under the root property folders are looked for: the folder itself plus outputDir's own folders. */
    static final int MAX_DEPTH = 6;
    private static final Logger LOG = Logger.getLogger(PropertyFolders.class.getName());

    private final Path root;
    private final ManifestStore manifests;

    public PropertyFolders(Path imagesRoot, ManifestStore manifests) {
        this.root = imagesRoot.toAbsolutePath().normalize();
        this.manifests = manifests;
    }

    /**
     * The names of every property folder, in order, without reading their manifests: a folder with an
     * {@code images_manifest.json} file, outside hidden folders.
     */
    public List<String> names() throws IOException {
        List<String> found = new ArrayList<>();
        if (Files.isDirectory(root)) {
            collect(root, 1, found);
        }
        found.sort(Comparator.naturalOrder());
        return found;
    }

    private void collect(Path dir, int depth, List<String> found) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir,
                child -> !isHidden(child) && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS))) {
            for (Path child : children) {
                if (Files.isRegularFile(child.resolve(ImageManifest.FILE_NAME))) {
                    found.add(nameOf(child));
                } else if (depth < MAX_DEPTH) {
                    collect(child, depth + 1, found);
                }
            }
        }
    }

    /** The property folder of that name at a glance; empty when there is none or its manifest is unreadable (logged). */
    public Optional<PropertySummary> summary(String name) {
        Optional<Path> folder = folder(name);
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PropertySummary.of(name, manifests.load(folder.get(), null)));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "property folder {0} left out of the gallery: {1}", new Object[] {folder.get(), e.getMessage()});
            return Optional.empty();
        }
    }

    /** The property folder of that name, when there is one. */
    public Optional<Path> folder(String name) {
        if (name == null || name.isEmpty() || name.contains("\\") || name.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        Path folder = root;
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals("..") || part.startsWith(".")) {
                return Optional.empty();
            }
            folder = folder.resolve(part);
        }
        if (!folder.normalize().startsWith(root) || !Files.isRegularFile(folder.resolve(ImageManifest.FILE_NAME))) {
            return Optional.empty();
        }
        try {
            return folder.toRealPath().startsWith(root.toRealPath()) ? Optional.of(folder) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The folder's manifest. */
    public ImageManifest manifest(Path folder) throws IOException {
        return manifests.load(folder, null);
    }

    /** A manifest as its file holds it. */
    public String json(ImageManifest manifest) {
        return manifests.toJson(manifest);
    }

    /** The manifest's entry for {@code filename}, when the manifest lists an image of that name. */
    public static Optional<ManifestEntry> entry(ImageManifest manifest, String filename) {
        return manifest.getImages().stream().filter(e -> e.filename().equals(filename)).findFirst();
    }

    /** The image file of a manifest entry, when it is a plain file of the folder. */
    public static Optional<Path> imageFile(Path folder, ManifestEntry entry) {
        String name = entry.filename();
        if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Optional.of(file) : Optional.empty();
    }

    /** A folder's name: its path under the images root, {@code /} between the parts. */
    public String nameOf(Path folder) {
        List<String> parts = new ArrayList<>();
        root.relativize(folder.toAbsolutePath().normalize()).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }
}
