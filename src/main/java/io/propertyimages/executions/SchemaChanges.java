package io.propertyimages.executions;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javax.sql.DataSource;

/**
 * Creates the tables of our own beside JBeret's, on H2 or PostgreSQL. On PostgreSQL the statements run in one
 * transaction under an advisory lock: servers that start together would otherwise race on the same
 * {@code CREATE TABLE IF NOT EXISTS}, which PostgreSQL does not make safe against that.
 */
public final class SchemaChanges {
    /** An arbitrary lock number that every server uses for schema changes. */
    private static final long SCHEMA_LOCK = 0x7072_6f70_696d_6700L;

    private SchemaChanges() {
    }

    /** Runs the statements that {@code ddl} gives for the database's dialect. */
    public static void apply(DataSource dataSource, Function<Dialect, List<String>> ddl) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Dialect dialect = Dialect.of(connection);
            if (dialect != Dialect.POSTGRESQL) {
                for (String sql : ddl.apply(dialect)) {
                    statement.execute(sql);
                }
                return;
            }
            connection.setAutoCommit(false);
            try {
                statement.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
                for (String sql : ddl.apply(dialect)) {
                    statement.execute(sql);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** What differs between the databases the job repository may be in. */
    public enum Dialect {
        H2("TIMESTAMP"),
        /** Timestamps with their time zone, so that servers in different zones read the same instants. */
        POSTGRESQL("TIMESTAMPTZ");

        private final String timestamp;

        Dialect(String timestamp) {
            this.timestamp = timestamp;
        }

        /** The column type of an instant. */
        public String timestamp() {
            return timestamp;
        }

        static Dialect of(Connection connection) throws SQLException {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgresql") ? POSTGRESQL : H2;
        }
    }
}
