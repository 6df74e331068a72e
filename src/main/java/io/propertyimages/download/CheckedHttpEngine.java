package io.propertyimages.download;

import java.io.IOException;
import java.io.InputStream;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.apache.http.Header;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;
import org.jboss.resteasy.client.jaxrs.ClientHttpEngine;
import org.jboss.resteasy.client.jaxrs.internal.ClientInvocation;
import org.jboss.resteasy.client.jaxrs.internal.ClientResponse;

/**
 * The HTTP engine under the Jakarta REST client of the downloads: Apache HttpClient 4.5, the engine RESTEasy runs on
 * in Liberty (restfulWSClient-3.1 builds an ApacheHttpClient43Engine), but with a connection manager whose resolver
 * checks each address before it is connected to ({@link CheckedResolver}). Liberty's engine builder
 * (LibertyClientHttpEngineBuilder43) takes no resolver and exports neither itself nor Apache HttpClient to
 * applications, and Liberty's client builder ignores an engine given to it, so this engine is built here and handed
 * to RESTEasy's own client builder ({@code ResteasyClientBuilderImpl.httpEngine}, which Liberty's extends).
 * GET without a body is all it sends; redirects and retries are left to {@link ImageDownloader}.
 */
final class CheckedHttpEngine implements ClientHttpEngine {
    private final CloseableHttpClient client;

    CheckedHttpEngine(DownloadSettings settings, CheckedResolver resolver) {
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager(
                RegistryBuilder.<ConnectionSocketFactory>create()
                        .register("http", PlainConnectionSocketFactory.getSocketFactory())
                        .register("https", SSLConnectionSocketFactory.getSocketFactory())
                        .build(),
                null, null, resolver, -1, TimeUnit.MILLISECONDS);
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setSocketTimeout((int) settings.readTimeout().toMillis())
                .setRedirectsEnabled(false)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(timeouts)
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .disableRedirectHandling()
                .build();
    }

    @Override
    public Response invoke(Invocation invocation) {
        ClientInvocation request = (ClientInvocation) invocation;
        if (request.getEntity() != null) {
            throw new ProcessingException("this engine sends no request body (" + request.getMethod() + " " + request.getUri() + ")");
        }
        RequestBuilder http = RequestBuilder.create(request.getMethod()).setUri(request.getUri());
        request.getHeaders().asMap().forEach((name, values) -> values.forEach(value -> http.addHeader(name, value)));
        try {
            return new EngineResponse(request, client.execute(http.build()));
        } catch (IOException e) {
            throw new ProcessingException("Unable to invoke request: " + e, e);
        }
    }

    @Override
    public SSLContext getSslContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public HostnameVerifier getHostnameVerifier() {
        return new DefaultHostnameVerifier();
    }

    /** Closes the connections at once, also one whose body is still being read. */
    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new ProcessingException(e);
        }
    }

    /** An HttpClient response as RESTEasy's client reads it; closing it gives the connection back, or drops it. */
    private static final class EngineResponse extends ClientResponse {
        private final CloseableHttpResponse response;
        private InputStream body;

        EngineResponse(ClientInvocation request, CloseableHttpResponse response) {
            super(request.getClientConfiguration());
            this.response = response;
            setStatus(response.getStatusLine().getStatusCode());
            setReasonPhrase(response.getStatusLine().getReasonPhrase());
            MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
            for (Header header : response.getAllHeaders()) {
                headers.add(header.getName(), header.getValue());
            }
            setHeaders(headers);
            setProperties(request.getMutableProperties());
        }

        @Override
        protected InputStream getInputStream() {
            if (body == null && response.getEntity() != null) {
                try {
                    body = response.getEntity().getContent();
                } catch (IOException e) {
                    throw new ProcessingException(e);
                }
            }
            return body;
        }

        @Override
        protected void setInputStream(InputStream stream) {
            body = stream;
            resetEntity();
        }

        @Override
        public void releaseConnection() throws IOException {
            releaseConnection(true);
        }

        /** Reads what is left of the body, so the connection can serve the next request, when asked to; closes the response. */
        @Override
        public void releaseConnection(boolean consumeInputStream) throws IOException {
            try {
                if (consumeInputStream) {
                    EntityUtils.consume(response.getEntity());
                }
            } finally {
                response.close();
            }
        }
    }
}
