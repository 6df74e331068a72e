package io.propertyimages.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A listing site's image host on 127.0.0.1: {@code /anything/NAME} answers the corpus source {@code NAME} after a
 * set latency. Counts requests, image bytes sent, the peak of requests in flight, the time of the first request,
 * the time spent answering beyond the latency, and the requests per path (to see what was fetched twice).
 */
final class ListingImageHost implements AutoCloseable {
    private final BenchmarkCorpus corpus;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong serviceNanos = new AtomicLong();
    private final AtomicLong firstRequestNanos = new AtomicLong();
    private final Map<String, Integer> requestsPerPath = new ConcurrentHashMap<>();
    private volatile int latencyMillis;

    ListingImageHost(int port, BenchmarkCorpus corpus) throws IOException {
        this.corpus = corpus;
        // Without TCP_NODELAY the end of each answer waits for the client's delayed ACK: 40 ms per image, which
        // made a host of tiny images the limit at about 110 images/s.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Sets the latency of every response and clears the counters, for the next run. */
    void reset(int latencyMillis) {
        this.latencyMillis = latencyMillis;
        peakInFlight.set(0);
        requests.set(0);
        bytesSent.set(0);
        serviceNanos.set(0);
        firstRequestNanos.set(0);
        requestsPerPath.clear();
    }

    int requests() {
        return requests.get();
    }

    long bytesSent() {
        return bytesSent.get();
    }

    int peakInFlight() {
        return peakInFlight.get();
    }

    /** {@link System#nanoTime()} at the first request since the last reset; 0 when none came. */
    long firstRequestNanos() {
        return firstRequestNanos.get();
    }

    /** Mean time to answer a request, the latency left out; 0 when none came. */
    double meanServiceSeconds() {
        int count = requests.get();
        return count == 0 ? 0 : serviceNanos.get() / 1e9 / count;
    }

    /** The paths requested since the last reset. */
    Map<String, Integer> requestsPerPath() {
        return Map.copyOf(requestsPerPath);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long began = System.nanoTime();
        firstRequestNanos.compareAndSet(0, began);
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        boolean counted = true;
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.incrementAndGet();
            requestsPerPath.merge(path, 1, Integer::sum);
            int latency = latencyMillis;
            if (latency > 0) {
                Thread.sleep(latency);
            }
            long served = System.nanoTime();
            byte[] image = corpus.bytes(path.substring(path.lastIndexOf('/') + 1));
            if (image == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", contentType(path));
                exchange.sendResponseHeaders(200, image.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(image, 0, image.length - 1);
                    out.flush();
                    // Out of flight before the last byte: with the whole body the client may send its next request,
                    // which must not find this one still counted.
                    inFlight.decrementAndGet();
                    counted = false;
                    out.write(image, image.length - 1, 1);
                }
                bytesSent.addAndGet(image.length);
            }
            serviceNanos.addAndGet(System.nanoTime() - served);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }

    private static String contentType(String path) {
        if (path.endsWith(".webp")) {
            return "image/webp";
        }
        return path.endsWith(".png") ? "image/png" : "image/jpeg";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
