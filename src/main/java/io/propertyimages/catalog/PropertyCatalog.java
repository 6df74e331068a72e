package io.propertyimages.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.propertyimages.executions.SchemaChanges;
import io.propertyimages.store.ImageManifest;
import io.propertyimages.store.ManifestStore;
import io.propertyimages.store.PropertyFolders;
import io.propertyimages.store.PropertyIndex;
import io.propertyimages.store.PropertySummary;

/**
 * The property folders at a glance, in a table beside the job repository's ({@value #TABLE}), for the gallery: the
 * jobs record each folder as they save its manifest, under the folder's lock, so the gallery pages and filters in the
 * database instead of reading every manifest on every request. At start-up the table catches up with the images root
 * in the background: folders that appeared (an older version's, or copied in) are added, those gone are dropped.
 */
@ApplicationScoped
public class PropertyCatalog implements PropertyIndex {
    static final String TABLE = "PI_PROPERTY";
    private static final Logger LOG = Logger.getLogger(PropertyCatalog.class.getName());
    private static final int MAX_FOLDER = 1024;
    private static final int MAX_ADDRESS = 2048;
    private static final int CATCH_UP_BATCH = 500;
    private static final String INSERT = "INSERT INTO " + TABLE
            + " (ADDRESS, SEARCH_TEXT, IMAGES, BYTES, LAST_DOWNLOAD, FAILURES, FOLDER) VALUES (?, ?, ?, ?, ?, ?, ?)";

    @Resource(lookup = "jdbc/jobRepository")
    DataSource dataSource;

    @Resource(lookup = "concurrent/batchExecutor")
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "images.root")
    String imagesRoot;

    private PropertyFolders folders;

    @PostConstruct
    void open() {
        folders = new PropertyFolders(Path.of(imagesRoot), new ManifestStore(Clock.systemUTC()));
        try {
            SchemaChanges.apply(dataSource, dialect -> List.of(
                    "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                            + "FOLDER VARCHAR(" + MAX_FOLDER + ") NOT NULL PRIMARY KEY, "
                            + "ADDRESS VARCHAR(" + MAX_ADDRESS + "), "
                            + "SEARCH_TEXT VARCHAR(" + (MAX_FOLDER + MAX_ADDRESS + 1) + ") NOT NULL, "
                            + "IMAGES INT NOT NULL, "
                            + "BYTES BIGINT NOT NULL, "
                            + "LAST_DOWNLOAD " + dialect.timestamp() + ", "
                            + "FAILURES INT NOT NULL)"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the table of property folders: " + e.getMessage(), e);
        }
        indexSearchText();
    }

    /**
     * On PostgreSQL, a trigram index makes the gallery's filter (a LIKE on any part of the text) use an index: a few
     * milliseconds instead of a scan of the table (about 30 ms at 100,000 folders). pg_trgm is a trusted extension,
     * which the database's owner may create; without it the filter scans.
     */
    private void indexSearchText() {
        try {
            SchemaChanges.apply(dataSource, dialect -> dialect == SchemaChanges.Dialect.POSTGRESQL
                    ? List.of("CREATE EXTENSION IF NOT EXISTS pg_trgm",
                            "CREATE INDEX IF NOT EXISTS " + TABLE + "_SEARCH ON " + TABLE + " USING gin (SEARCH_TEXT gin_trgm_ops)")
                    : List.of());
        } catch (SQLException e) {
            LOG.info("The gallery's filter scans the table of property folders: no trigram index (" + e.getMessage() + ")");
        }
    }

    void catchUpAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        executor.execute(this::catchUp);
    }

    /** A page of the folders whose address or name contains {@code filter} (any case; null or blank: all), by name. */
    public PropertyPage page(String filter, long start, int count) {
        String pattern = "%" + escapeLike(filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT)) + "%";
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM " + TABLE
                    + " WHERE SEARCH_TEXT LIKE ? ESCAPE '\\'")) {
                select.setString(1, pattern);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            List<PropertySummary> properties = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT FOLDER, ADDRESS, IMAGES, BYTES, LAST_DOWNLOAD,"
                    + " FAILURES FROM " + TABLE + " WHERE SEARCH_TEXT LIKE ? ESCAPE '\\' ORDER BY FOLDER"
                    + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                select.setString(1, pattern);
                select.setLong(2, start);
                select.setInt(3, count);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Timestamp last = rows.getTimestamp(5);
                        properties.add(new PropertySummary(rows.getString(1), rows.getString(2), rows.getInt(3),
                                rows.getLong(4), last == null ? null : last.toInstant(), rows.getInt(6)));
                    }
                }
            }
            return new PropertyPage(total, start, properties);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the property folders: " + e.getMessage(), e);
        }
    }

    /** A write of the table that fails leaves the folder as it was written: the next write, or start-up, catches up. */
    @Override
    public void saved(Path folder, ImageManifest manifest) {
        try {
            record(PropertySummary.of(folders.nameOf(folder), manifest));
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "The gallery's list misses the latest state of " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void removed(Path folder) {
        try (Connection connection = dataSource.getConnection()) {
            delete(connection, folders.nameOf(folder));
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "The gallery's list still shows " + folder + ", which is gone: " + e.getMessage(), e);
        }
    }

    /** Adds the folders on disk that the table misses, and drops the rows of folders no longer there. */
    void catchUp() {
        try {
            Set<String> onDisk = new HashSet<>(folders.names());
            Set<String> listed = new HashSet<>();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement("SELECT FOLDER FROM " + TABLE);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    listed.add(rows.getString(1));
                }
            }
            List<PropertySummary> missing = new ArrayList<>();
            for (String name : onDisk) {
                if (!listed.contains(name)) {
                    folders.summary(name).ifPresent(missing::add);
                }
            }
            insertAll(missing);
            int added = missing.size();
            listed.removeAll(onDisk);
            try (Connection connection = dataSource.getConnection()) {
                for (String gone : listed) {
                    delete(connection, gone);
                }
            }
            if (added > 0 || !listed.isEmpty()) {
                LOG.info("The gallery's list of property folders caught up: " + added + " added, " + listed.size() + " gone");
            }
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "The gallery's list of property folders could not catch up with " + imagesRoot + ": "
                    + e.getMessage(), e);
        }
    }

    /** Inserts rows in batches; should a batch meet a row another server inserted meanwhile, its rows go one by one. */
    private void insertAll(List<PropertySummary> summaries) throws SQLException {
        for (int from = 0; from < summaries.size(); from += CATCH_UP_BATCH) {
            List<PropertySummary> batch = summaries.subList(from, Math.min(summaries.size(), from + CATCH_UP_BATCH));
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    for (PropertySummary summary : batch) {
                        bind(insert, summary);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    for (PropertySummary summary : batch) {
                        record(summary);
                    }
                } finally {
                    connection.setAutoCommit(true);
                }
            }
        }
    }

    /** Updates the folder's row, or inserts it; of two servers inserting it at once, the second updates. */
    private void record(PropertySummary summary) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (update(connection, summary) > 0) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                bind(insert, summary);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
                update(connection, summary);
            }
        }
    }

    private static int update(Connection connection, PropertySummary summary) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE
                + " SET ADDRESS = ?, SEARCH_TEXT = ?, IMAGES = ?, BYTES = ?, LAST_DOWNLOAD = ?, FAILURES = ? WHERE FOLDER = ?")) {
            bind(update, summary);
            return update.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, PropertySummary summary) throws SQLException {
        String address = summary.address() == null ? null : cut(summary.address(), MAX_ADDRESS);
        statement.setString(1, address);
        statement.setString(2, ((address == null ? "" : address) + " " + summary.folder()).toLowerCase(Locale.ROOT));
        statement.setInt(3, summary.images());
        statement.setLong(4, summary.bytes());
        statement.setTimestamp(5, summary.lastDownload() == null ? null : Timestamp.from(summary.lastDownload()));
        statement.setInt(6, summary.failures());
        statement.setString(7, summary.folder());
    }

    private static void delete(Connection connection, String folder) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE FOLDER = ?")) {
            delete.setString(1, folder);
            delete.executeUpdate();
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
