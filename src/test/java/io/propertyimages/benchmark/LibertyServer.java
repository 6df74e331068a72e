package io.propertyimages.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The benchmark's own Open Liberty server, created by the Maven profile: started and stopped with Liberty's
 * {@code server} script, or killed with SIGKILL, and known by the process id of its JVM.
 */
final class LibertyServer {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private final Path wlp;
    private final String name;
    private final URI api;
    private long pid;

    LibertyServer(Path wlp, String name, int httpPort) {
        this.wlp = wlp;
        this.name = name;
        this.api = URI.create("http://127.0.0.1:" + httpPort + "/api/jobs");
    }

    Path directory() {
        return wlp.resolve("usr/servers").resolve(name);
    }

    long pid() {
        return pid;
    }

    /** Starts the server and waits until the application answers. */
    void start() throws IOException, InterruptedException {
        script("start");
        pid = Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid").resolve(name + ".pid")).strip());
        awaitApplication();
    }

    void stop() throws IOException, InterruptedException {
        script("stop");
    }

    /** The address of the server's JMX connector for local processes (feature {@code localConnector-1.0}). */
    String localJmxAddress() throws IOException {
        return Files.readString(directory().resolve("logs/state/com.ibm.ws.jmx.local.address")).strip();
    }

    /** Kills the server's JVM as a crash would, and waits until it is gone. */
    void kill() throws InterruptedException {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        process.destroyForcibly();
        process.onExit().join();
    }

    private void script(String action) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("server " + action + " " + name + " exited with " + exit);
        }
    }

    private void awaitApplication() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the application is still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the application did not answer " + api + " within " + READY_TIMEOUT);
    }
}
