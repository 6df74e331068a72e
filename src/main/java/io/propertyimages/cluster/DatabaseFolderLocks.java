package io.propertyimages.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.propertyimages.store.FolderLocks;

/**
 * Folder locks that every server on the same PostgreSQL job repository respects: a transaction-level advisory lock
 * ({@code pg_advisory_xact_lock}) on the folder's path under the images root, held in a transaction of its own until
 * the lock is closed, and released by PostgreSQL however that transaction ends, a dead server's included. Threads of
 * this server queue on a lock of this JVM first, so they wait without holding a database connection each.
 */
public final class DatabaseFolderLocks implements FolderLocks {
    private static final Logger LOG = Logger.getLogger(DatabaseFolderLocks.class.getName());
    private final DataSource dataSource;
    private final Path imagesRoot;
    private final FolderLocks inThisJvm;

    public DatabaseFolderLocks(DataSource dataSource, Path imagesRoot, FolderLocks inThisJvm) {
        this.dataSource = dataSource;
        this.imagesRoot = imagesRoot.toAbsolutePath().normalize();
        this.inThisJvm = inThisJvm;
    }

    @Override
    public Held lock(Path folder) throws IOException {
        Held local = inThisJvm.lock(folder);
        try {
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false);
                try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    statement.setLong(1, LeaseKey.folder(nameOf(folder)).number());
                    statement.execute();
                }
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return () -> {
                try (connection) {
                    connection.rollback();
                } catch (SQLException e) {
                    // A connection that cannot roll back is broken: its session, and the lock with it, is gone.
                    LOG.log(Level.FINE, "releasing the lock on folder " + folder, e);
                } finally {
                    local.close();
                }
            };
        } catch (SQLException e) {
            local.close();
            throw new IOException("cannot lock folder " + folder + " in the job repository: " + e.getMessage(), e);
        }
    }

    /** The folder's path under the images root, the same on every server that shares it. */
    private String nameOf(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        return absolute.startsWith(imagesRoot) ? imagesRoot.relativize(absolute).toString() : absolute.toString();
    }
}
