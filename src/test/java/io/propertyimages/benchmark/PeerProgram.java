package io.propertyimages.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A peer of the job ({@code src/benchmark/peers}): the same downloads written the way users of another stack would,
 * run as a process of its own on the same input, image host and machine. What a peer needs is installed the first
 * time: sharp with npm into the benchmark's folder, httpx and Pillow from Debian's packages.
 */
final class PeerProgram {
    static final String SHARP_VERSION = "0.35.5";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern SECONDS = Pattern.compile("seconds=([0-9.]+)");
    /** The second line bash's {@code times} prints: user and system time of its children, e.g. {@code 0m5.120s 0m0.880s}. */
    private static final Pattern CHILD_TIMES = Pattern.compile("(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s");

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;

    private PeerProgram(String name, List<String> command, Map<String, String> environment) {
        this.name = name;
        this.command = command;
        this.environment = environment;
    }

    /** What one run of a peer measured; its CPU is the user and system time of its process, from start to exit. */
    record Run(double wallSeconds, double ownSeconds, double cpuSeconds, double peakRssMb, String summary) {
    }

    String name() {
        return name;
    }

    /** The peers named in {@code names} ("sharp", "python"), installed if need be; one that cannot be is left out, with why. */
    static List<PeerProgram> installed(List<String> names, Path peers, Path work) throws InterruptedException {
        List<PeerProgram> installed = new ArrayList<>();
        for (String peer : names) {
            try {
                installed.add(switch (peer) {
                    case "sharp" -> sharp(peers, work.resolve("sharp-peer"));
                    case "python" -> python(peers);
                    default -> throw new IllegalArgumentException("no peer called " + peer + " (sharp, python)");
                });
            } catch (IOException e) {
                System.out.printf("Peer %s left out: %s%n", peer, e.getMessage());
            }
        }
        return installed;
    }

    private static PeerProgram sharp(Path peers, Path modules) throws IOException, InterruptedException {
        Path sharp = modules.resolve("node_modules/sharp");
        if (!Files.exists(sharp.resolve("package.json"))) {
            Files.createDirectories(modules);
            run("npm", "install", "--prefix", modules.toString(), "--no-audit", "--no-fund", "sharp@" + SHARP_VERSION);
        }
        return new PeerProgram("sharp", List.of("node", peers.resolve("peer_sharp.mjs").toString()),
                Map.of("SHARP_MODULE", sharp.toString()));
    }

    private static PeerProgram python(Path peers) throws IOException, InterruptedException {
        if (!succeeds("/usr/bin/python3", "-c", "import httpx, PIL")) {
            String asRoot = "root".equals(System.getProperty("user.name")) ? "" : "sudo ";
            run("bash", "-c", asRoot + "apt-get update -qq && " + asRoot
                    + "env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-httpx python3-pil >/dev/null");
        }
        return new PeerProgram("python", List.of("/usr/bin/python3", peers.resolve("peer_seed.py").toString()), Map.of());
    }

    /** Runs the peer on {@code input} into the empty folder {@code out}. */
    Run run(Path input, Path out) throws IOException, InterruptedException {
        List<String> wrapped = new ArrayList<>(List.of("bash", "-c", "\"$@\"; status=$?; times >&2; exit $status", name));
        wrapped.addAll(command);
        wrapped.addAll(List.of("--input", input.toString(), "--out", out.toString()));
        ProcessBuilder builder = new ProcessBuilder(wrapped);
        builder.environment().putAll(environment);
        Path stdout = Files.createTempFile(name, ".out");
        Path stderr = Files.createTempFile(name, ".err");
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        try {
            long started = System.nanoTime();
            Process process = builder.start();
            ProcessProbe probe = probeOfChild(process);
            if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("peer " + name + " did not end within " + RUN_TIMEOUT);
            }
            double wall = (System.nanoTime() - started) / 1e9;
            double peakRss = Double.NaN;
            if (probe != null) {
                peakRss = probe.end().peakRssMb();
                probe.close();
            }
            List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
            String summary = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            List<String> errors = Files.readAllLines(stderr, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("peer " + name + " exited with " + process.exitValue() + ": " + errors);
            }
            Matcher own = SECONDS.matcher(summary);
            return new Run(wall, own.find() ? Double.parseDouble(own.group(1)) : Double.NaN, childCpuSeconds(errors),
                    peakRss, summary.replaceAll(" ?seconds=[0-9.]+", ""));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** A probe of the peer's own process, the child of the bash that times it; null if it ended too soon to see. */
    private static ProcessProbe probeOfChild(Process bash) throws IOException, InterruptedException {
        for (int wait = 0; wait < 200 && bash.isAlive(); wait++) {
            Optional<ProcessHandle> child = bash.toHandle().children().findFirst();
            if (child.isPresent()) {
                ProcessProbe probe = new ProcessProbe(child.get().pid(), null);
                probe.begin();
                return probe;
            }
            Thread.sleep(5);
        }
        return null;
    }

    private static double childCpuSeconds(List<String> stderr) {
        for (int i = stderr.size() - 1; i >= 0; i--) {
            Matcher times = CHILD_TIMES.matcher(stderr.get(i));
            if (times.matches()) {
                return Integer.parseInt(times.group(1)) * 60 + Double.parseDouble(times.group(2))
                        + Integer.parseInt(times.group(3)) * 60 + Double.parseDouble(times.group(4));
            }
        }
        throw new IllegalStateException("no times line from bash in " + stderr);
    }

    private static boolean succeeds(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        System.out.println("Installing a peer's dependencies: " + String.join(" ", command));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue());
        }
    }
}
