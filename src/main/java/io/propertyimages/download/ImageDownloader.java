package io.propertyimages.download;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;

/**
 * Downloads image bodies with the Jakarta REST client, on an engine that checks every address it connects to
 * ({@link CheckedHttpEngine}): follows a few redirects, refuses bodies over the limit while they stream, and retries
 * what {@link RetryPolicy} says is worth retrying. Clients come from a pool, each used by
 * one download at a time, so connections to an image host are reused. Thread-safe.
 */
public final class ImageDownloader implements AutoCloseable {
    static final int MAX_REDIRECTS = 5;
    private static final String ACCEPT = "image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8";
    private static final String USER_AGENT = "property-images/1.0";

    private final DownloadSettings settings;
    private final HostPolicy hosts;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final NameResolver names;
    private final ClientPool clients;

    public ImageDownloader(DownloadSettings settings, HostPolicy hosts) {
        this(settings, hosts, Sleeper.REAL);
    }

    ImageDownloader(DownloadSettings settings, HostPolicy hosts, Sleeper sleeper) {
        this(settings, hosts, sleeper, NameResolver.SYSTEM);
    }

    /** Resolving names with {@code names}, both to check a URL and to connect to it. */
    ImageDownloader(DownloadSettings settings, HostPolicy hosts, Sleeper sleeper, NameResolver names) {
        this.settings = settings;
        this.hosts = hosts;
        this.policy = new RetryPolicy(settings, Clock.systemUTC());
        this.sleeper = sleeper;
        this.names = names;
        this.clients = new ClientPool(() -> new ResteasyClientBuilderImpl()
                .httpEngine(new CheckedHttpEngine(settings, new CheckedResolver(hosts, names)))
                .build());
    }

    /**
     * @throws DownloadFailedException when the URL cannot be downloaded, after the retries it deserved
     * @throws InterruptedException when the thread is interrupted while it waits to retry
     */
    public DownloadedImage download(URI url) throws DownloadFailedException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> wait;
            try {
                return attempt(url, attempt);
            } catch (RetryableFailure failure) {
                wait = failure.status() > 0
                        ? policy.afterStatus(attempt, failure.status(), failure.retryAfter())
                        : policy.afterTransportError(attempt);
                if (wait.isEmpty()) {
                    String reason = attempt > 1 ? failure.getMessage() + " after " + attempt + " attempts" : failure.getMessage();
                    throw new DownloadFailedException(reason, attempt);
                }
            }
            sleeper.sleep(wait.get());
        }
    }

    private DownloadedImage attempt(URI url, int attempt) throws RetryableFailure, DownloadFailedException {
        Client client = clients.borrow();
        try {
            return attempt(client, url, attempt);
        } finally {
            clients.release(client);
        }
    }

    private DownloadedImage attempt(Client client, URI url, int attempt) throws RetryableFailure, DownloadFailedException {
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            checkHost(current, attempt);
            try (Response response = client.target(current).request()
                    .header(HttpHeaders.ACCEPT, ACCEPT)
                    .header(HttpHeaders.USER_AGENT, USER_AGENT)
                    .get()) {
                int status = response.getStatus();
                if (isRedirect(status)) {
                    current = redirectTarget(current, response, redirects, attempt);
                    continue;
                }
                if (status >= 200 && status < 300) {
                    byte[] body = readBody(client, response, attempt);
                    return new DownloadedImage(body, response.getHeaderString(HttpHeaders.CONTENT_TYPE),
                            response.getHeaderString(HttpHeaders.ETAG), response.getHeaderString(HttpHeaders.LAST_MODIFIED),
                            attempt);
                }
                String reason = "HTTP " + status + " " + response.getStatusInfo().getReasonPhrase();
                if (RetryPolicy.isRetryableStatus(status)) {
                    throw new RetryableFailure(reason, status, response.getHeaderString("Retry-After"));
                }
                throw new DownloadFailedException(reason, attempt);
            } catch (ProcessingException e) {
                throw transportFailure(e, attempt);
            }
        }
    }

    /**
     * Every hop is checked, so a redirect cannot lead to an address the URL itself could not; the connection checks
     * the addresses it connects to once more ({@link CheckedResolver}).
     */
    private void checkHost(URI url, int attempt) throws DownloadFailedException {
        Optional<String> refusal;
        try {
            refusal = hosts.refusal(url, names);
        } catch (UnknownHostException e) {
            throw new DownloadFailedException("unknown host " + url.getHost(), attempt);
        }
        if (refusal.isPresent()) {
            throw new DownloadFailedException(refusal.get(), attempt);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI redirectTarget(URI current, Response response, int redirects, int attempt) throws DownloadFailedException {
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        if (location == null || location.isBlank()) {
            throw new DownloadFailedException("HTTP " + response.getStatus() + " redirect without a Location", attempt);
        }
        if (redirects >= MAX_REDIRECTS) {
            throw new DownloadFailedException("too many redirects (" + MAX_REDIRECTS + ")", attempt);
        }
        try {
            return current.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new DownloadFailedException("redirect to an invalid URL: " + location, attempt);
        }
    }

    /** Streams the body, giving up as soon as it passes the limit rather than after it has all arrived. */
    private byte[] readBody(Client client, Response response, int attempt) throws RetryableFailure, DownloadFailedException {
        long max = settings.maxBodyBytes();
        long declared = response.getLength();
        if (declared > max) {
            clients.discard(client);
            throw new DownloadFailedException("body of " + declared + " bytes exceeds the limit of " + max + " bytes", attempt);
        }
        try (InputStream in = response.readEntity(InputStream.class)) {
            return declared >= 0 ? readDeclared(in, (int) declared) : readUndeclared(in, client, max, attempt);
        } catch (IOException e) {
            throw RetryableFailure.transport(describe(e));
        }
    }

    /**
     * Reads a body of a declared length straight into an array of that length: no growing buffer and no copy of it,
     * which were a sixth of the bytes the job allocated.
     */
    private static byte[] readDeclared(InputStream in, int declared) throws IOException, RetryableFailure {
        byte[] body = new byte[declared];
        int total = in.readNBytes(body, 0, declared);
        if (total < declared) {
            throw RetryableFailure.transport("body shorter than its Content-Length (" + total + " of " + declared + " bytes)");
        }
        return body;
    }

    private byte[] readUndeclared(InputStream in, Client client, long max, int attempt) throws IOException, DownloadFailedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            total += n;
            if (total > max) {
                clients.discard(client);
                throw new DownloadFailedException("body exceeds the limit of " + max + " bytes", attempt);
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    private static RetryableFailure transportFailure(ProcessingException e, int attempt) throws DownloadFailedException {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IOException)) {
            cause = cause.getCause();
        }
        if (cause instanceof HostRefusedException) {
            throw new DownloadFailedException(cause.getMessage(), attempt);
        }
        if (cause instanceof UnknownHostException) {
            throw new DownloadFailedException("unknown host " + cause.getMessage(), attempt);
        }
        return RetryableFailure.transport(describe(cause));
    }

    private static String describe(Throwable e) {
        if (e instanceof SocketTimeoutException) {
            return e.getMessage() == null ? "timed out" : e.getMessage().toLowerCase(Locale.ROOT);
        }
        if (e instanceof ConnectException) {
            return "connection failed: " + e.getMessage();
        }
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }

    @Override
    public void close() {
        clients.close();
    }
}
