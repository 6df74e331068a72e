package io.propertyimages.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Liberty server of the tests' own (created by the pom with the WAR in its dropins), run as a separate process
 * with {@code bin/server} so that a test can kill it the hard way, as a power cut or the OOM killer would, and
 * start it again on the same job repository and images.
 */
final class LibertyServerProcess implements AutoCloseable {
    private static final Path WLP = Path.of("target/liberty/wlp").toAbsolutePath();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private final String name;
    private final int port;
    private final BatchApi api;

    LibertyServerProcess(String name, int port) {
        this.name = name;
        this.port = port;
        this.api = new BatchApi(port, BatchApi.ADMIN);
    }

    /** The server's own folder: its configuration and, as Liberty keeps its output there, its logs and data. */
    Path directory() {
        return WLP.resolve("usr/servers").resolve(name);
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

    /** Stops the server the ordinary way, if it runs. */
    @Override
    public void close() throws IOException, InterruptedException {
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
