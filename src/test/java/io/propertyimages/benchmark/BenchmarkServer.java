package io.propertyimages.benchmark;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One Liberty server of the benchmark with what watches and drives it: its process probe and its REST client. Rows
 * that run on several servers take one of these each.
 */
final class BenchmarkServer implements AutoCloseable {
    private final LibertyServer liberty;
    private final JobClient jobs;
    private ProcessProbe probe;

    BenchmarkServer(Path wlp, String name, int httpPort, String adminUser, String adminPassword) {
        this.liberty = new LibertyServer(wlp, name);
        this.jobs = new JobClient(httpPort, adminUser, adminPassword);
    }

    static BenchmarkServer of(BenchmarkSettings settings) {
        return new BenchmarkServer(settings.wlp(), settings.serverName(), settings.httpPort(), settings.adminUser(),
                settings.adminPassword());
    }

    Path directory() {
        return liberty.directory();
    }

    /** Starts the server and returns once its application answers, with its probe attached. */
    void start() throws IOException, InterruptedException {
        liberty.start();
        jobs.awaitReady();
        probe = new ProcessProbe(liberty.pid(), liberty.localJmxAddress());
    }

    /** Kills the server's JVM with SIGKILL, as a crash would. */
    void kill() throws IOException, InterruptedException {
        detachProbe();
        liberty.kill();
    }

    JobClient jobs() {
        return jobs;
    }

    ProcessProbe probe() {
        if (probe == null) {
            throw new IllegalStateException("server " + liberty.directory().getFileName() + " is not started");
        }
        return probe;
    }

    private void detachProbe() throws IOException {
        if (probe != null) {
            probe.close();
            probe = null;
        }
    }

    /** Stops the server if it was started. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (probe != null) {
            detachProbe();
            liberty.stop();
        }
    }
}
