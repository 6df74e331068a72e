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

    /** Every property folder with a readable manifest, in the order of their names; unreadable ones are logged and left out. */
    public List<PropertySummary> list() throws IOException {
        List<PropertySummary> found = new ArrayList<>();
        if (Files.isDirectory(root)) {
            collect(root, 1, found);
        }
        found.sort(Comparator.comparing(PropertySummary::folder));
        return found;
    }

    private void collect(Path dir, int depth, List<PropertySummary> found) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir,
                child -> !isHidden(child) && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS))) {
            for (Path child : children) {
                if (Files.isRegularFile(child.resolve(ImageManifest.FILE_NAME))) {
                    summary(child).ifPresent(found::add);
                } else if (depth < MAX_DEPTH) {
                    collect(child, depth + 1, found);
                }
            }
        }
    }

    private Optional<PropertySummary> summary(Path folder) {
        try {
            return Optional.of(PropertySummary.of(nameOf(folder), manifests.load(folder, null)));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "property folder {0} left out of the gallery: {1}", new Object[] {folder, e.getMessage()});
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

    private String nameOf(Path folder) {
        List<String> parts = new ArrayList<>();
        root.relativize(folder).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }
}
