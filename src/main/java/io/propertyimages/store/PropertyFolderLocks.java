package io.propertyimages.store;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Folder locks in this JVM, enough for a server that has its folders to itself: one lock per folder, striped so
 * memory stays flat however many folders there are.
 */
public final class PropertyFolderLocks implements FolderLocks {
    private static final int STRIPES = 256;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public PropertyFolderLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    @Override
    public Held lock(Path folder) {
        ReentrantLock lock = locks[Math.floorMod(folder.toAbsolutePath().normalize().hashCode(), STRIPES)];
        lock.lock();
        return lock::unlock;
    }
}
