package io.propertyimages.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.propertyimages.store.AtomicFiles;

/**
 * Keeps input files sent to the server in one folder, so a job can read them by path. A file is streamed to a temp
 * file, at most {@code maxBytes}, read through as the job would read it, and only then renamed to its final name:
 * a refused upload leaves nothing behind, and no job can see half a file.
 */
public final class InputUploads {
    /** File names as they are kept: letters, digits, dot, dash and underscore, ending in .json or .csv. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The two formats the job reads; a stored file's extension says which it is. */
    public enum Format {
        JSON, CSV;

        String extension() {
            return "." + name().toLowerCase(Locale.ROOT);
        }
    }

    private final Path folder;
    private final long maxBytes;
    private final Clock clock;

    public InputUploads(Path folder, long maxBytes, Clock clock) {
        this.folder = folder.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /**
     * @param declaredLength the length the sender announced, or -1 when unknown
     * @param name           the file name the sender gave, or null; it must end in the format's extension
     * @throws IllegalArgumentException when the name is not a plain file name of that format
     */
    public StoredInput store(InputStream body, long declaredLength, Format format, String name)
            throws IOException, InputFormatException, InputTooLargeException {
        String baseName = checkedName(format, name);
        if (declaredLength > maxBytes) {
            throw new InputTooLargeException(maxBytes);
        }
        Files.createDirectories(folder);
        String unique = STAMP.format(clock.instant()) + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Path target = folder.resolve(unique + "-" + baseName);
        // The temp file keeps the extension, since the extension decides how the file is read.
        Path temp = folder.resolve(AtomicFiles.TEMP_PREFIX + unique + "-" + baseName);
        try {
            copyAtMost(body, temp);
            InputSummary summary = PropertyListFiles.scan(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return new StoredInput(target, summary);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String checkedName(Format format, String name) {
        if (name == null || name.isBlank()) {
            return "input" + format.extension();
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name \"" + name + "\" must be a plain file name of up to 100 letters, "
                    + "digits, dots, dashes and underscores");
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith(format.extension())) {
            throw new IllegalArgumentException("name \"" + name + "\" must end in " + format.extension()
                    + " for a " + format + " body");
        }
        return name;
    }

    private void copyAtMost(InputStream body, Path temp) throws IOException, InputTooLargeException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(temp)) {
            for (int read = body.read(buffer); read != -1; read = body.read(buffer)) {
                total += read;
                if (total > maxBytes) {
                    throw new InputTooLargeException(maxBytes);
                }
                out.write(buffer, 0, read);
            }
        }
    }
}
