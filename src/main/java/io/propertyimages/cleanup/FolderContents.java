package io.propertyimages.cleanup;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.propertyimages.store.ImageManifest;

/**
 * What a property folder holds besides its manifest: its regular files, and whether there is anything else
 * (a subfolder, a link), which a cleanup never touches and which keeps the folder from being removed.
 */
public record FolderContents(boolean hasManifest, List<StoredFile> files, boolean hasOtherEntries) {

    static FolderContents read(Path folder) throws IOException {
        boolean hasManifest = false;
        boolean hasOtherEntries = false;
        List<StoredFile> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.equals(ImageManifest.FILE_NAME)) {
                    hasManifest = true;
                    continue;
                }
                BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isRegularFile()) {
                    files.add(new StoredFile(name, attributes.size(), attributes.lastModifiedTime().toInstant()));
                } else {
                    hasOtherEntries = true;
                }
            }
        }
        files.sort(Comparator.comparing(StoredFile::name));
        return new FolderContents(hasManifest, List.copyOf(files), hasOtherEntries);
    }
}
