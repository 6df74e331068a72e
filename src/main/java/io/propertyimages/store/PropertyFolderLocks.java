package io.propertyimages.store;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per property folder (striped, so memory stays flat however many folders there are): whoever reads,
 * changes and writes a folder's manifest or images holds it, so no update is lost between concurrent writers.
 */
public final class PropertyFolderLocks {
    private static final int STRIPES = 256;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public PropertyFolderLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public ReentrantLock lockFor(Path folder) {
        return locks[Math.floorMod(folder.toAbsolutePath().normalize().hashCode(), STRIPES)];
    }
}
