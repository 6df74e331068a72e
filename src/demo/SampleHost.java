import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;

/**
 * The demos' image host on 127.0.0.1: serves the sample images (the query of a URL is ignored, so one sample can stand
 * for many listing photos), after {@code latencyMillis} as a distant host would, and 404 for anything else.
 */
final class SampleHost implements AutoCloseable {
    private final HttpServer server;
    private final Path samples;

    /** @param port the port to serve on: a fixed one keeps the sample URLs, and so the cache, the same between runs */
    SampleHost(Path samples, int port, long latencyMillis) throws IOException {
        this.samples = samples.toAbsolutePath();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            Path file = this.samples.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            try (exchange) {
                pause(latencyMillis);
                if (!file.startsWith(this.samples) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The sample images' file names, in order. */
    List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(samples)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches(".*\\.(jpg|png|webp)")).sorted().toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
