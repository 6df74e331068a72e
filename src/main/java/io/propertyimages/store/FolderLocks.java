package io.propertyimages.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Locks on property folders: whoever reads, changes and writes a folder's manifest or images holds its lock, so no
 * update is lost between concurrent writers and a cleanup never deletes what a download is writing.
 */
public interface FolderLocks {
    /** Waits for the folder's lock and holds it until the returned lock is closed. */
    Held lock(Path folder) throws IOException;

    /** A folder's lock, held until closed. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
