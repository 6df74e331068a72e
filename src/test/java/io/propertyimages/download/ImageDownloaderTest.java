package io.propertyimages.download;

import static io.propertyimages.download.FixtureHttpServer.send;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.propertyimages.testing.BrokenConnectionServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImageDownloaderTest {
    private static final int STREAMED_CHUNKS = 16384;
    private static final byte[] IMAGE = "pretend these are image bytes".getBytes();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private FixtureHttpServer server;
    private ImageDownloader downloader;

    @BeforeEach
    void start() throws IOException {
        server = new FixtureHttpServer();
        DownloadSettings settings = new DownloadSettings(Duration.ofSeconds(2), Duration.ofMillis(300), 1000, 4,
                Duration.ofSeconds(1), Duration.ofSeconds(30));
        downloader = new ImageDownloader(settings, HostPolicy.allowing("127.0.0.1"), sleeps::add);
    }

    @AfterEach
    void stop() {
        downloader.close();
        server.close();
    }

    @Test
    void returnsTheBodyWithItsValidators() throws Exception {
        server.on("/a.jpg", exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.getResponseHeaders().set("Last-Modified", "Tue, 24 Nov 2026 10:00:00 GMT");
            send(exchange, 200, IMAGE);
        });

        DownloadedImage image = downloader.download(server.uri("/a.jpg"));

        assertArrayEquals(IMAGE, image.body());
        assertEquals("\"v1\"", image.etag());
        assertEquals("Tue, 24 Nov 2026 10:00:00 GMT", image.lastModified());
        assertEquals(1, image.attempts());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void retriesAServerErrorAfterOneSecond() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.on("/flaky.jpg", exchange -> send(exchange, calls.incrementAndGet() == 1 ? 500 : 200, IMAGE));

        DownloadedImage image = downloader.download(server.uri("/flaky.jpg"));

        assertEquals(2, image.attempts());
        assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
    }

    @Test
    void waitsWhatRetryAfterSaysOnA429() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.on("/throttled.jpg", exchange -> {
            if (calls.incrementAndGet() == 1) {
                exchange.getResponseHeaders().set("Retry-After", "2");
                send(exchange, 429, new byte[0]);
            } else {
                send(exchange, 200, IMAGE);
            }
        });

        downloader.download(server.uri("/throttled.jpg"));

        assertEquals(List.of(Duration.ofSeconds(2)), sleeps);
    }

    @Test
    void givesUpOnAPersistentServerErrorAfterFourAttempts() {
        server.on("/down.jpg", exchange -> send(exchange, 503, new byte[0]));

        DownloadFailedException e = assertThrows(DownloadFailedException.class, () -> downloader.download(server.uri("/down.jpg")));

        assertEquals("HTTP 503 Service Unavailable after 4 attempts", e.reason());
        assertEquals(4, e.attempts());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeps);
    }

    @Test
    void doesNotRetryANotFound() {
        server.on("/gone.jpg", exchange -> send(exchange, 404, new byte[0]));

        DownloadFailedException e = assertThrows(DownloadFailedException.class, () -> downloader.download(server.uri("/gone.jpg")));

        assertEquals("HTTP 404 Not Found", e.reason());
        assertEquals(1, server.requests("/gone.jpg"));
        assertEquals(List.of(), sleeps);
    }

    @Test
    void retriesAServerThatNeverAnswersThenNamesTheTimeout() {
        server.on("/silent.jpg", exchange -> sleepQuietly(2_000));

        DownloadFailedException e = assertThrows(DownloadFailedException.class, () -> downloader.download(server.uri("/silent.jpg")));

        assertTrue(e.reason().contains("timed out") && e.reason().endsWith("after 4 attempts"), e.reason());
        assertEquals(4, server.requests("/silent.jpg"));
    }

    @Test
    void abortsABodyOverTheLimitWhileItStreams() {
        AtomicLong written = new AtomicLong();
        server.on("/huge.jpg", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < STREAMED_CHUNKS; i++) {
                    out.write(chunk);
                    out.flush();
                    written.addAndGet(chunk.length);
                }
            } catch (IOException clientWentAway) {
                // what a client that stops reading looks like from here
            }
        });

        DownloadFailedException e = assertThrows(DownloadFailedException.class, () -> downloader.download(server.uri("/huge.jpg")));

        assertEquals("body exceeds the limit of 1000 bytes", e.reason());
        assertEquals(1, e.attempts());
        assertTrue(written.get() < STREAMED_CHUNKS * 8192L / 4, "abandoned mid-body, not drained: " + written.get() + " bytes sent");
    }

    @Test
    void refusesABodyWhoseDeclaredLengthIsOverTheLimit() {
        server.on("/declared.jpg", exchange -> send(exchange, 200, new byte[5000]));

        DownloadFailedException e = assertThrows(DownloadFailedException.class, () -> downloader.download(server.uri("/declared.jpg")));

        assertEquals("body of 5000 bytes exceeds the limit of 1000 bytes", e.reason());
    }

    @Test
    void retriesAConnectionResetThenNamesIt() throws Exception {
        try (BrokenConnectionServer broken = new BrokenConnectionServer()) {
            DownloadFailedException e = assertThrows(DownloadFailedException.class,
                    () -> downloader.download(URI.create(broken.url("/reset"))));

            assertEquals(4, e.attempts());
            assertTrue(e.reason().contains("Connection reset") && e.reason().endsWith("after 4 attempts"), e.reason());
        }
    }

    @Test
    void retriesABodyCutShortOfItsContentLengthThenNamesIt() throws Exception {
        try (BrokenConnectionServer broken = new BrokenConnectionServer()) {
            DownloadFailedException e = assertThrows(DownloadFailedException.class,
                    () -> downloader.download(URI.create(broken.url("/short"))));

            assertEquals(4, e.attempts());
            assertTrue(e.reason().contains("Content-Length") && e.reason().contains("300") && e.reason().contains("900"),
                    e.reason());
        }
    }

    @Test
    void capsALongRetryAfter() {
        server.on("/throttled.jpg", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "3600");
            send(exchange, 429, new byte[0]);
        });

        DownloadFailedException e = assertThrows(DownloadFailedException.class, () -> downloader.download(server.uri("/throttled.jpg")));

        assertEquals("HTTP 429 Too Many Requests after 4 attempts", e.reason());
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30)), sleeps);
    }

    @Test
    void followsFiveRedirectsButNotSix() throws Exception {
        for (int hop = 1; hop <= 6; hop++) {
            String next = hop == 6 ? "/a.jpg" : "/hop" + (hop + 1);
            server.on("/hop" + hop, exchange -> {
                exchange.getResponseHeaders().set("Location", next);
                send(exchange, 307, new byte[0]);
            });
        }
        server.on("/a.jpg", exchange -> send(exchange, 200, IMAGE));

        assertArrayEquals(IMAGE, downloader.download(server.uri("/hop2")).body());
        DownloadFailedException e = assertThrows(DownloadFailedException.class, () -> downloader.download(server.uri("/hop1")));
        assertEquals("too many redirects (5)", e.reason());
    }

    @Test
    void followsARedirectAndStopsARedirectLoop() throws Exception {
        server.on("/old.jpg", exchange -> {
            exchange.getResponseHeaders().set("Location", "/new.jpg");
            send(exchange, 302, new byte[0]);
        });
        server.on("/new.jpg", exchange -> send(exchange, 200, IMAGE));
        server.on("/loop.jpg", exchange -> {
            exchange.getResponseHeaders().set("Location", "/loop.jpg");
            send(exchange, 301, new byte[0]);
        });

        assertArrayEquals(IMAGE, downloader.download(server.uri("/old.jpg")).body());
        DownloadFailedException e = assertThrows(DownloadFailedException.class, () -> downloader.download(server.uri("/loop.jpg")));
        assertEquals("too many redirects (5)", e.reason());
    }

    @Test
    void retriesARefusedConnection() throws Exception {
        URI nothingListening;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothingListening = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/a.jpg");
        }

        DownloadFailedException e = assertThrows(DownloadFailedException.class, () -> downloader.download(nothingListening));

        assertEquals(4, e.attempts());
        assertTrue(e.reason().startsWith("connection failed"), e.reason());
    }

    @Test
    void refusesLoopbackUnlessAllowedAndChecksEveryRedirect() throws Exception {
        server.on("/a.jpg", exchange -> send(exchange, 200, IMAGE));
        server.on("/to-metadata", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            send(exchange, 302, new byte[0]);
        });
        ImageDownloader guarded = new ImageDownloader(DownloadSettings.defaults(), HostPolicy.allowing(""), sleeps::add);

        DownloadFailedException loopback = assertThrows(DownloadFailedException.class, () -> guarded.download(server.uri("/a.jpg")));
        DownloadFailedException redirected = assertThrows(DownloadFailedException.class, () -> downloader.download(server.uri("/to-metadata")));

        assertTrue(loopback.reason().startsWith("refused: 127.0.0.1 is a loopback address"), loopback.reason());
        assertEquals(0, server.requests("/a.jpg"), "refused before connecting");
        assertTrue(redirected.reason().startsWith("refused: 169.254.169.254 is a link-local address"), redirected.reason());
        guarded.close();
    }

    /**
     * DNS rebinding: the name answers a public address when the URL is checked and 127.0.0.1 when the connection
     * resolves it. The connection's own check refuses it, on the first hop and after a redirect, and no request
     * reaches the loopback server.
     */
    @Test
    void refusesANameThatRebindsToLoopbackBetweenTheCheckAndTheConnection() throws Exception {
        server.on("/a.jpg", exchange -> send(exchange, 200, IMAGE));
        int port = server.uri("/").getPort();
        server.on("/to-rebinding", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://rebind.example:" + port + "/a.jpg");
            send(exchange, 302, new byte[0]);
        });
        RebindingResolver rebinding = new RebindingResolver("rebind.example");
        ImageDownloader guarded = new ImageDownloader(DownloadSettings.defaults(), HostPolicy.allowing("images.example"),
                sleeps::add, rebinding);

        DownloadFailedException direct = assertThrows(DownloadFailedException.class,
                () -> guarded.download(URI.create("http://rebind.example:" + port + "/a.jpg")));
        DownloadFailedException redirected = assertThrows(DownloadFailedException.class,
                () -> guarded.download(URI.create("http://images.example:" + port + "/to-rebinding")));

        assertEquals("refused: rebind.example is a loopback address (127.0.0.1) (allow it with the server variable"
                + " download.allowed.hosts)", direct.reason());
        assertEquals(direct.reason(), redirected.reason());
        assertEquals(1, direct.attempts(), "a refusal is not retried");
        assertEquals(1, server.requests("/to-rebinding"), "the allowed first hop was fetched");
        assertEquals(0, server.requests("/a.jpg"), "the rebound name was never connected to");
        assertEquals(4, rebinding.lookups("rebind.example"), "once to check each URL, once more to connect");
        guarded.close();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
