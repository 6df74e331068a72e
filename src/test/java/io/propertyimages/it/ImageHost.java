package io.propertyimages.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A listing site's image host on 127.0.0.1, for tests: serves images and misbehaves on request, and counts the
 * requests per path.
 * <ul>
 * <li>{@code /img/NAME}: the image;</li>
 * <li>{@code /flaky/NAME}: 500 the first time, then the image;</li>
 * <li>{@code /throttled/NAME}: 429 with {@code Retry-After: 1} the first time, then the image;</li>
 * <li>{@code /slow/NAME}: the image after {@link #slowDelayMillis};</li>
 * <li>{@code /gated/NAME}: the image, but held while the gate is closed ({@link #closeGate}, {@link #heldAtGate});</li>
 * <li>{@code /html}: a web page served as 200;</li>
 * <li>{@code /huge}: an endless body, as fast as the client reads it ({@link #hugeBytesSent});</li>
 * <li>anything else: 404.</li>
 * </ul>
 */
final class ImageHost implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> images = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicLong hugeBytesSent = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    /** Where {@code /huge} stops, in case a client drained it all: 1 GiB. */
    static final long HUGE_LIMIT = 1L << 30;
    volatile long slowDelayMillis = 300;
    private final Object gate = new Object();
    private boolean gateOpen = true;
    private int heldAtGate;

    ImageHost() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
    }

    void add(String name, byte[] bytes) {
        images.put(name, bytes);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int requestsFor(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    /** From now on, {@code /gated/} requests wait, unanswered, until {@link #openGate}. */
    void closeGate() {
        synchronized (gate) {
            gateOpen = false;
        }
    }

    void openGate() {
        synchronized (gate) {
            gateOpen = true;
            gate.notifyAll();
        }
    }

    /** How many requests are waiting at the closed gate now. */
    int heldAtGate() {
        synchronized (gate) {
            return heldAtGate;
        }
    }

    /** The most image requests this host has answered at once, whoever sent them. */
    int peakInFlight() {
        return peakInFlight.get();
    }

    /** The bytes of {@code /huge} written before the client went away. */
    long hugeBytesSent() {
        return hugeBytesSent.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int count = requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String[] parts = path.split("/", 3);
        String kind = parts.length > 1 ? parts[1] : "";
        byte[] image = parts.length > 2 ? images.get(parts[2]) : null;
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        boolean counted = true;
        try (exchange) {
            if (kind.equals("huge")) {
                sendEndlessly(exchange);
            } else if (kind.equals("html")) {
                send(exchange, 200, "text/html", "<!doctype html><html><body>Listing not found</body></html>".getBytes());
            } else if (image == null) {
                send(exchange, 404, "text/plain", "not found".getBytes());
            } else if (kind.equals("flaky") && count == 1) {
                send(exchange, 500, "text/plain", "try again".getBytes());
            } else if (kind.equals("throttled") && count == 1) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, 429, "text/plain", "slow down".getBytes());
            } else if (kind.equals("img") || kind.equals("flaky") || kind.equals("throttled") || kind.equals("slow")
                    || kind.equals("gated")) {
                if (kind.equals("slow")) {
                    sleep(slowDelayMillis);
                }
                if (kind.equals("gated")) {
                    passGate();
                }
                // Out of flight before the answer: once it has the answer the client may send its next request,
                // which must not find this one still counted.
                inFlight.decrementAndGet();
                counted = false;
                exchange.getResponseHeaders().set("ETag", "\"" + Integer.toHexString(Arrays.hashCode(image)) + "\"");
                send(exchange, 200, "image/*", image);
            } else {
                send(exchange, 404, "text/plain", "not found".getBytes());
            }
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }

    private void passGate() {
        synchronized (gate) {
            heldAtGate++;
            try {
                while (!gateOpen) {
                    gate.wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                heldAtGate--;
            }
        }
    }

    private void sendEndlessly(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = exchange.getResponseBody()) {
            while (hugeBytesSent.get() < HUGE_LIMIT) {
                out.write(chunk);
                hugeBytesSent.addAndGet(chunk.length);
            }
        } catch (IOException clientWentAway) {
            // the downloader gave up: what the test wants to see
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        openGate();
        server.stop(0);
    }
}
