package io.propertyimages.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Liberty server that a test starts, stops and starts again itself, which Arquillian's managed server cannot be:
 * a copy of the Arquillian server's configuration (server.xml, the tests' overrides, the JDBC driver) with the
 * application in its dropins, on the port after the tests' one, with a job repository of its own.
 */
final class SecondServer implements AutoCloseable {
    private static final Path SERVERS = Path.of("target/liberty/wlp/usr/servers").toAbsolutePath();
    private static final Path SERVER_SCRIPT = Path.of("target/liberty/wlp/bin/server").toAbsolutePath();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(150);

    private final String name;
    private final int port;
    private boolean running;

    private SecondServer(String name, int port) {
        this.name = name;
        this.port = port;
    }

    /** Creates the server afresh (its folder, with its job repository, is replaced); not started yet. */
    static SecondServer create(String suffix) throws IOException {
        String itServer = System.getProperty("it.server.name", "itServer");
        SecondServer server = new SecondServer(itServer + suffix, Integer.getInteger("it.http.port", 9081) + 1);
        Path from = SERVERS.resolve(itServer);
        Path to = SERVERS.resolve(server.name);
        deleteTree(to);
        for (String path : List.of("server.xml", "server.env", "jdbc/h2.jar", "configDropins/defaults/liberty-plugin-variable-config.xml",
                "configDropins/overrides/test-overrides.xml")) {
            Files.createDirectories(to.resolve(path).getParent());
            Files.copy(from.resolve(path), to.resolve(path));
        }
        // Read after test-overrides.xml (overrides are read in alphabetical order), so its port wins.
        Files.writeString(to.resolve("configDropins/overrides/zz-second-server.xml"),
                "<server><variable name=\"http.port\" value=\"" + server.port + "\"/></server>");
        Files.createDirectories(to.resolve("dropins"));
        Files.copy(Path.of("target/property-images.war"), to.resolve("dropins/property-images.war"), StandardCopyOption.REPLACE_EXISTING);
        return server;
    }

    int port() {
        return port;
    }

    /** Starts the server and waits until the application answers. */
    void start() throws IOException, InterruptedException {
        run("start");
        running = true;
        BatchApi api = new BatchApi(port, BatchApi.ADMIN);
        Instant deadline = Instant.now().plus(COMMAND_TIMEOUT);
        while (!api.answers("/jobs")) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("server " + name + " started, but its application does not answer on port " + port);
            }
            Thread.sleep(200);
        }
    }

    void stop() throws IOException, InterruptedException {
        run("stop");
        running = false;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (running) {
            stop();
        }
    }

    private void run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(SERVER_SCRIPT.toString(), command, name)
                .redirectErrorStream(true)
                .redirectOutput(SERVERS.resolve(name).resolve(command + ".out").toFile())
                .start();
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("server " + command + " " + name + " took more than " + COMMAND_TIMEOUT);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("server " + command + " " + name + " exited with " + process.exitValue()
                    + "; see " + SERVERS.resolve(name).resolve(command + ".out") + " and logs/messages.log there");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
