package io.propertyimages.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL server for tests, from Debian's postgresql-15 binaries ({@code postgres.bin}, by default
 * {@code /usr/lib/postgresql/15/bin}): a new cluster in {@code directory}, on a free port of 127.0.0.1, trusting local
 * connections, and gone with {@link #close}. PostgreSQL refuses to run as root, so as root it runs as the
 * {@code postgres} user that the Debian package creates.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String USER = "postgres";
    private static final Path BIN = Path.of(System.getProperty("postgres.bin", "/usr/lib/postgresql/15/bin"));

    private final Path data;
    private final int port;

    private PostgresServer(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** Creates a new cluster in {@code directory} (what was there is deleted) and starts it. */
    public static PostgresServer start(Path directory) throws IOException, InterruptedException {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IllegalStateException("PostgreSQL is not installed at " + BIN
                    + ": apt-get install postgresql-15 (.ci/run does), or give -Dpostgres.bin=...");
        }
        Path data = directory.toAbsolutePath().resolve("data");
        run(List.of("rm", "-rf", data.toString()));
        Files.createDirectories(directory);
        PostgresServer server = new PostgresServer(data, freePort());
        if (isRoot()) {
            run(List.of("chown", USER, directory.toAbsolutePath().toString()));
        }
        server.asOwner(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
                "-E", "UTF8", "--no-sync"));
        server.asOwner(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                "-l", directory.toAbsolutePath().resolve("postgres.log").toString(), "-o",
                "-p " + server.port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                "start"));
        return server;
    }

    public int port() {
        return port;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String createDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        asOwner(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
    }

    private void asOwner(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", USER, "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
