package io.propertyimages.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Removes what an interrupted write left in a property folder: temp files ({@link AtomicFiles}) and images that the
 * manifest does not list, which a killed server or a failed chunk wrote before the manifest could record them.
 * Callers hold the folder's lock ({@link PropertyFolderLocks}), so no write of theirs is in progress there.
 * Other files, and folders, are left alone.
 */
public final class LeftoverFiles {
    private LeftoverFiles() {
    }

    /** @param listed the file names of the images the folder's manifest lists */
    public static void remove(Path folder, Set<String> listed) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                boolean leftover = name.startsWith(AtomicFiles.TEMP_PREFIX)
                        || (ImageManifest.isImageName(name) && !listed.contains(name));
                if (leftover && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (NoSuchFileException e) {
            // no folder yet: nothing was left in it
        }
    }
}
