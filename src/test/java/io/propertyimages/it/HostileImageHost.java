package io.propertyimages.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An image host on 127.0.0.1 that misbehaves in every way a listing site's server can, for tests. It records when
 * each request came, per path and query.
 * <ul>
 * <li>{@code /img/NAME}: the image, with the Content-Type of its extension;</li>
 * <li>{@code /flaky/NAME}: 500 the first time, then the image;</li>
 * <li>{@code /throttled/SECONDS/NAME}: 429 with {@code Retry-After: SECONDS} the first time, then the image;</li>
 * <li>{@code /redirect/HOPS/NAME}: a 302 to {@code /redirect/HOPS-1/NAME}, and {@code /redirect/0/NAME} the image;</li>
 * <li>{@code /loop}: a 301 to itself;</li>
 * <li>{@code /hang}: no answer at all, until {@link #HANG_MILLIS} passed or the host closes;</li>
 * <li>{@code /html}: a web page served as 200;</li>
 * <li>{@code /noise.jpg}: random bytes served as {@code image/jpeg};</li>
 * <li>{@code /huge}: an endless body, as fast as the client reads it ({@link #hugeBytesSent});</li>
 * <li>{@code /crowd/NAME}: the image, held until {@value #CROWD} requests are in flight here (or
 * {@link #CROWD_WAIT_MILLIS} passed) and a little longer, so that the cap of {@value #CROWD} downloads is reached
 * and a download over it would be caught in flight;</li>
 * <li>{@code /busy/NAME}: per path and query, 503 with {@code Retry-After: 1} the first time, then as
 * {@code /crowd/NAME}; a download counts as open from its first request to its image ({@link #peakOpenDownloads});</li>
 * <li>anything else: 404.</li>
 * </ul>
 */
final class HostileImageHost implements AutoCloseable {
    static final int CROWD = 5;
    static final long CROWD_WAIT_MILLIS = 1_000;
    static final long HANG_MILLIS = 10_000;
    /** Where {@code /huge} stops, in case a client drained it all: 1 GiB. */
    static final long HUGE_LIMIT = 1L << 30;
    private static final long CROWD_HOLD_MILLIS = 200;

    private final HttpServer server;
    private final Map<String, byte[]> images = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> requestTimes = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger crowdInFlight = new AtomicInteger();
    private final AtomicInteger peakCrowdInFlight = new AtomicInteger();
    private final AtomicInteger openDownloads = new AtomicInteger();
    private final AtomicInteger peakOpenDownloads = new AtomicInteger();
    private final AtomicLong hugeBytesSent = new AtomicLong();
    private final byte[] noise = new byte[50_000];

    HostileImageHost() throws IOException {
        new Random(4).nextBytes(noise);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    void add(String name, byte[] bytes) {
        images.put(name, bytes);
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    /** When the requests for a path and query came, in milliseconds of {@link System#nanoTime()}. */
    List<Long> requestTimes(String pathAndQuery) {
        return List.copyOf(requestTimes.getOrDefault(pathAndQuery, List.of()));
    }

    int requestsFor(String pathAndQuery) {
        return requestTimes(pathAndQuery).size();
    }

    /** The most {@code /crowd} and {@code /busy} requests this host has been answering at the same time. */
    int peakCrowdInFlight() {
        return peakCrowdInFlight.get();
    }

    /** The most {@code /busy} downloads that were open (first request seen, image not yet sent) at the same time. */
    int peakOpenDownloads() {
        return peakOpenDownloads.get();
    }

    long hugeBytesSent() {
        return hugeBytesSent.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String key = exchange.getRequestURI().getRawQuery() == null ? path : path + "?" + exchange.getRequestURI().getRawQuery();
        List<Long> times = requestTimes.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
        times.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
        String[] parts = path.split("/", 4);
        String kind = parts.length > 1 ? parts[1] : "";
        try (exchange) {
            switch (kind) {
                case "img" -> sendImage(exchange, parts.length > 2 ? images.get(path.substring("/img/".length())) : null);
                case "flaky" -> {
                    if (times.size() == 1) {
                        send(exchange, 500, "text/plain", "try again".getBytes());
                    } else {
                        sendImage(exchange, images.get(path.substring("/flaky/".length())));
                    }
                }
                case "throttled" -> {
                    if (times.size() == 1) {
                        exchange.getResponseHeaders().set("Retry-After", parts[2]);
                        send(exchange, 429, "text/plain", "slow down".getBytes());
                    } else {
                        sendImage(exchange, images.get(parts[3]));
                    }
                }
                case "redirect" -> {
                    int hops = Integer.parseInt(parts[2]);
                    if (hops == 0) {
                        sendImage(exchange, images.get(parts[3]));
                    } else {
                        redirect(exchange, 302, "/redirect/" + (hops - 1) + "/" + parts[3]);
                    }
                }
                case "loop" -> redirect(exchange, 301, "/loop");
                case "hang" -> hang();
                case "html" -> send(exchange, 200, "text/html", "<!doctype html><html><body>Listing not found</body></html>".getBytes());
                case "noise.jpg" -> send(exchange, 200, "image/jpeg", noise);
                case "huge" -> sendEndlessly(exchange);
                case "crowd" -> inCrowd(() -> sendImage(exchange, images.get(path.substring("/crowd/".length()))));
                case "busy" -> busy(exchange, times.size(), images.get(path.substring("/busy/".length())));
                default -> send(exchange, 404, "text/plain", "not found".getBytes());
            }
        }
    }

    private void busy(HttpExchange exchange, int request, byte[] image) throws IOException {
        if (request == 1) {
            peakOpenDownloads.accumulateAndGet(openDownloads.incrementAndGet(), Math::max);
            inCrowd(() -> {
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, 503, "text/plain", "busy".getBytes());
            });
        } else {
            inCrowd(() -> {
                openDownloads.decrementAndGet();
                sendImage(exchange, image);
            });
        }
    }

    private interface Answer {
        void send() throws IOException;
    }

    /** Answers once {@value #CROWD} requests are in flight here or {@link #CROWD_WAIT_MILLIS} passed, and a bit later. */
    private void inCrowd(Answer answer) throws IOException {
        peakCrowdInFlight.accumulateAndGet(crowdInFlight.incrementAndGet(), Math::max);
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CROWD_WAIT_MILLIS);
            while (crowdInFlight.get() < CROWD && System.nanoTime() < deadline) {
                pause(10);
            }
            pause(CROWD_HOLD_MILLIS);
        } finally {
            // Before the answer: once it has the answer the client may send its next request, which must not find
            // this one still counted.
            crowdInFlight.decrementAndGet();
        }
        answer.send();
    }

    private void hang() {
        try {
            closing.await(HANG_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, status, "text/plain", new byte[0]);
    }

    private static void sendImage(HttpExchange exchange, byte[] image) throws IOException {
        if (image == null) {
            send(exchange, 404, "text/plain", "not found".getBytes());
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String type = path.endsWith(".png") ? "image/png" : path.endsWith(".webp") ? "image/webp" : "image/jpeg";
        send(exchange, 200, type, image);
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
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
