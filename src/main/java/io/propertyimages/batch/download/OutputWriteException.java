package io.propertyimages.batch.download;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * An image or manifest the download job could not write (the disk is full, a folder is in the way): the job cannot
 * go on. The message names the file and the reason, which the bare exception of a full disk does not.
 */
final class OutputWriteException extends IOException {
    private static final long serialVersionUID = 1L;

    private OutputWriteException(Path file, IOException cause) {
        super("cannot write " + file + ": " + reason(cause), cause);
    }

    /** {@code e}, failing to write {@code file}, as an exception that names the file; one that does already is kept. */
    static OutputWriteException writing(Path file, IOException e) {
        return e instanceof OutputWriteException named ? named : new OutputWriteException(file, e);
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
