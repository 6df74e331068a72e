package io.propertyimages.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1, for tests, that breaks its connections in ways {@code com.sun.net.httpserver} cannot:
 * <ul>
 * <li>{@code /reset}, and any other path: reads the request, then resets the connection (TCP RST) without
 * answering;</li>
 * <li>{@code /short}: answers 200 declaring {@value #DECLARED_LENGTH} bytes of JPEG, sends {@value #SENT_LENGTH}
 * and closes the connection.</li>
 * </ul>
 */
public final class BrokenConnectionServer implements AutoCloseable {
    public static final int DECLARED_LENGTH = 900;
    public static final int SENT_LENGTH = 300;
    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    public BrokenConnectionServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        connections.execute(this::accept);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    public int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.execute(() -> answer(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket connection) {
        try (connection) {
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
            String requestLine = in.readLine();
            String header;
            do {
                header = in.readLine();
            } while (header != null && !header.isEmpty());
            String path = requestLine == null ? "" : requestLine.split(" ")[1];
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            if (path.equals("/short")) {
                OutputStream out = connection.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: " + DECLARED_LENGTH
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[SENT_LENGTH]);
                out.flush();
            } else {
                connection.setSoLinger(true, 0);
            }
        } catch (IOException | RuntimeException clientWentAway) {
            // nothing to answer any more
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connections.shutdownNow();
    }
}
