package io.propertyimages.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.propertyimages.testing.FileTrees;

/**
 * A Liberty server of the tests' own with the WAR in its dropins (created by the pom, or copied from the Arquillian
 * server's configuration), run as a separate process with {@code bin/server} so that a test can stop it, kill it the
 * hard way, as a power cut or the OOM killer would, and start it again on the same job repository and images:
 * Arquillian's own server cannot be restarted from inside a test.
 */
final class LibertyServerProcess implements AutoCloseable {
    private static final Path WLP = Path.of("target/liberty/wlp").toAbsolutePath();
    private static final Path SERVERS = WLP.resolve("usr/servers");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private final String name;
    private final int port;
    private final BatchApi api;

    LibertyServerProcess(String name, int port) {
        this.name = name;
        this.port = port;
        this.api = new BatchApi(port, BatchApi.ADMIN);
    }

    /**
     * A copy of the Arquillian server's configuration (server.xml, the tests' overrides, the JDBC driver) named after
     * it with {@code suffix}, on the port after the tests' one, with a job repository of its own (its folder is
     * replaced); not started yet.
     */
    static LibertyServerProcess copyOfTestServer(String suffix) throws IOException {
        return copyOfTestServer(suffix, Integer.getInteger("it.http.port", 9081) + 1, Map.of(), Map.of());
    }

    /**
     * A copy of the Arquillian server's configuration, as {@link #copyOfTestServer(String)}, on {@code port}, with
     * server {@code variables} that win over the tests' overrides and {@code bootstrap} properties (which Liberty
     * reads before its configuration, as {@code messaging.role} needs).
     */
    static LibertyServerProcess copyOfTestServer(String suffix, int port, Map<String, String> variables,
                                                 Map<String, String> bootstrap) throws IOException {
        String testServer = System.getProperty("it.server.name", "itServer");
        LibertyServerProcess server = new LibertyServerProcess(testServer + suffix, port);
        Path from = SERVERS.resolve(testServer);
        Path to = server.directory();
        FileTrees.delete(to);
        for (String path : List.of("server.xml", "server.env", "jdbc/h2.jar", "jdbc/postgresql.jar", "messaging/none.xml",
                "messaging/engine.xml", "messaging/client.xml", "configDropins/defaults/liberty-plugin-variable-config.xml",
                "configDropins/overrides/test-overrides.xml")) {
            Files.createDirectories(to.resolve(path).getParent());
            Files.copy(from.resolve(path), to.resolve(path));
        }
        Map<String, String> own = new TreeMap<>(variables);
        own.put("http.port", Integer.toString(port));
        StringBuilder overrides = new StringBuilder("<server>\n");
        own.forEach((name, value) -> overrides.append("    <variable name=\"").append(name).append("\" value=\"")
                .append(value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")).append("\"/>\n"));
        // Read after test-overrides.xml (overrides are read in alphabetical order), so these win.
        Files.writeString(to.resolve("configDropins/overrides/zz-copy.xml"), overrides.append("</server>\n"));
        StringBuilder properties = new StringBuilder();
        bootstrap.forEach((name, value) -> properties.append(name).append('=').append(value).append('\n'));
        Files.writeString(to.resolve("bootstrap.properties"), properties);
        Files.createDirectories(to.resolve("dropins"));
        Files.copy(Path.of("target/property-images.war"), to.resolve("dropins/property-images.war"), StandardCopyOption.REPLACE_EXISTING);
        return server;
    }

    int port() {
        return port;
    }

    /** The server's own folder: its configuration and, as Liberty keeps its output there, its logs and data. */
    Path directory() {
        return SERVERS.resolve(name);
    }

    Path messagesLog() {
        return directory().resolve("logs/messages.log");
    }

    BatchApi api() {
        return api;
    }

    /** Starts the server and waits until the application's REST API answers. */
    void start() throws IOException, InterruptedException {
        start(Map.of());
    }

    /**
     * Starts the server with {@code environment} added to its own (where Liberty finds server variables too:
     * {@code BATCH_RESTART_INTERRUPTED} sets {@code batch.restart.interrupted}) and waits until its REST API answers.
     */
    void start(Map<String, String> environment) throws IOException, InterruptedException {
        Process command = serverCommand("start", environment);
        if (!command.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || command.exitValue() != 0) {
            command.destroyForcibly();
            throw new AssertionError("server start " + name + " failed; see " + directory().resolve("logs/console.log"));
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!api.answers()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the API of " + name + " did not answer on port " + port + "; see " + messagesLog());
            }
            Thread.sleep(200);
        }
    }

    /** Kills the server's JVM with SIGKILL: no shutdown hook, no listener, no finally block runs. */
    void kill() throws IOException, InterruptedException {
        ProcessHandle server = process().orElseThrow(() -> new AssertionError("server " + name + " is not running"));
        server.destroyForcibly();
        server.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** Stops the server the ordinary way, if it runs, and kills it if that takes more than a minute. */
    void stop() throws IOException, InterruptedException {
        if (process().isPresent()) {
            Process command = serverCommand("stop", Map.of());
            if (!command.waitFor(60, TimeUnit.SECONDS)) {
                command.destroyForcibly();
            }
            if (process().isPresent()) {
                kill();
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }

    private Process serverCommand(String action, Map<String, String> environment) throws IOException {
        ProcessBuilder command = new ProcessBuilder(List.of(WLP.resolve("bin/server").toString(), action, name))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        command.environment().putAll(environment);
        return command.start();
    }

    /** The server's JVM, from the pid file that {@code server start} writes. */
    private Optional<ProcessHandle> process() throws IOException {
        Path pidFile = WLP.resolve("usr/servers/.pid").resolve(name + ".pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).filter(ProcessHandle::isAlive);
    }
}
