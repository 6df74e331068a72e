package io.propertyimages.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's own Open Liberty server, created by the Maven profile: started and stopped with Liberty's
 * {@code server} script, or killed with SIGKILL, and known by the process id of its JVM.
 */
final class LibertyServer {
    private final Path wlp;
    private final String name;
    private long pid;

    LibertyServer(Path wlp, String name) {
        this.wlp = wlp;
        this.name = name;
    }

    Path directory() {
        return wlp.resolve("usr/servers").resolve(name);
    }

    long pid() {
        return pid;
    }

    /** Starts the server; the application may still be starting when this returns. */
    void start() throws IOException, InterruptedException {
        script("start");
        pid = Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid").resolve(name + ".pid")).strip());
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
}
