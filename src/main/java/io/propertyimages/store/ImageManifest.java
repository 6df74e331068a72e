package io.propertyimages.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The {@code images_manifest.json} of one property folder: its images in position order and its failed URLs.
 * Not thread-safe: callers hold the folder's lock ({@link PropertyFolderLocks}) while they change and save it.
 */
@JsonbPropertyOrder({"version", "propertyAddress", "lastUpdated", "images", "failures"})
public final class ImageManifest {
    public static final String FILE_NAME = "images_manifest.json";
    public static final String CURRENT_VERSION = "1.0";
    private static final Pattern IMAGE_NAME = Pattern.compile("img_(\\d{3,})\\.jpg");

    private String version = CURRENT_VERSION;
    private String propertyAddress;
    private Instant lastUpdated;
    private List<ManifestEntry> images = new ArrayList<>();
    private List<ManifestFailure> failures = new ArrayList<>();

    public static ImageManifest empty(String propertyAddress) {
        ImageManifest manifest = new ImageManifest();
        manifest.propertyAddress = propertyAddress;
        return manifest;
    }

    public Optional<ManifestEntry> entryFor(String sourceUrl) {
        return images.stream().filter(e -> e.sourceUrl().equals(sourceUrl)).findFirst();
    }

    /** The file names of the images it lists. */
    public Set<String> filenames() {
        return images.stream().map(ManifestEntry::filename).collect(Collectors.toSet());
    }

    /** Whether {@code filename} is named the way saved images are, {@code img_NNN.jpg}. */
    static boolean isImageName(String filename) {
        return IMAGE_NAME.matcher(filename).matches();
    }

    /**
     * The file name for a new image of this URL: {@code img_NNN.jpg} after its position in the property's list,
     * unless that name already holds another URL's image (the list changed since), then the next unused number.
     */
    public String filenameFor(String sourceUrl, int position) {
        Optional<ManifestEntry> existing = entryFor(sourceUrl);
        if (existing.isPresent()) {
            return existing.get().filename();
        }
        String preferred = imageName(position);
        boolean taken = images.stream().anyMatch(e -> e.filename().equals(preferred));
        return taken ? imageName(highestImageNumber() + 1) : preferred;
    }

    /** Records a saved image, replacing any entry of the same URL or file name and clearing the URL's failure. */
    public void put(ManifestEntry entry) {
        images.removeIf(e -> e.sourceUrl().equals(entry.sourceUrl()) || e.filename().equals(entry.filename()));
        images.add(entry);
        images.sort(Comparator.comparing(ManifestEntry::filename));
        failures.removeIf(f -> f.sourceUrl().equals(entry.sourceUrl()));
    }

    /** Records a failed URL; an image saved earlier for it stays, as it is still the best copy there is. */
    public void putFailure(ManifestFailure failure) {
        failures.removeIf(f -> f.sourceUrl().equals(failure.sourceUrl()));
        failures.add(failure);
        failures.sort(Comparator.comparingInt(ManifestFailure::position));
    }

    private int highestImageNumber() {
        int highest = 0;
        for (ManifestEntry entry : images) {
            Matcher m = IMAGE_NAME.matcher(entry.filename());
            if (m.matches()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        }
        return highest;
    }

    static String imageName(int number) {
        return String.format("img_%03d.jpg", number);
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getPropertyAddress() {
        return propertyAddress;
    }

    public void setPropertyAddress(String propertyAddress) {
        this.propertyAddress = propertyAddress;
    }

    public Instant getLastUpdated() {
        return lastUpdated;
    }

    public void setLastUpdated(Instant lastUpdated) {
        this.lastUpdated = lastUpdated;
    }

    public List<ManifestEntry> getImages() {
        return images;
    }

    public void setImages(List<ManifestEntry> images) {
        this.images = images == null ? new ArrayList<>() : new ArrayList<>(images);
    }

    public List<ManifestFailure> getFailures() {
        return failures;
    }

    public void setFailures(List<ManifestFailure> failures) {
        this.failures = failures == null ? new ArrayList<>() : new ArrayList<>(failures);
    }
}
