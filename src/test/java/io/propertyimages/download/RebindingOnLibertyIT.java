package io.propertyimages.download;

import static io.propertyimages.download.FixtureHttpServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DNS rebinding refused on the real server: the unit tests run RESTEasy's client from the test classpath, Liberty
 * runs its own (restfulWSClient-3.1) with its own class loading, so {@link RebindingProbeServlet} runs the downloader
 * inside Liberty, in a WAR of its own that holds the download package and the HTTP engine's jars as the
 * application's WAR does, against a name that answers a public address when checked and 127.0.0.1 when connected.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RebindingOnLibertyIT {
    @ArquillianResource
    URL probe;

    private FixtureHttpServer images;

    @Deployment(testable = false)
    static WebArchive probe() {
        File[] engineJars = new File("target/property-images/WEB-INF/lib")
                .listFiles((folder, name) -> name.startsWith("httpclient-") || name.startsWith("httpcore-")
                        || name.startsWith("commons-logging-") || name.startsWith("commons-codec-"));
        return ShrinkWrap.create(WebArchive.class, "rebinding-probe.war")
                .addPackages(false, path -> !path.get().matches(".*(Test|IT|FixtureHttpServer)(\\$.*)?\\.class"),
                        ImageDownloader.class.getPackage())
                .addAsLibraries(engineJars);
    }

    @BeforeEach
    void serveImages() throws Exception {
        images = new FixtureHttpServer();
        images.on("/a.jpg", exchange -> send(exchange, 200, "pretend these are image bytes".getBytes(StandardCharsets.US_ASCII)));
        int port = images.uri("/").getPort();
        images.on("/to-rebinding", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://rebind.example:" + port + "/a.jpg");
            send(exchange, 302, new byte[0]);
        });
    }

    @AfterEach
    void stopImages() {
        images.close();
    }

    @Test
    void refusesTheRebindingNameInsideLibertysClientOnTheFirstHopAndAfterARedirect() throws Exception {
        int port = images.uri("/").getPort();

        List<String> allowedName = ask("http://images.example:" + port + "/a.jpg");
        List<String> direct = ask("http://rebind.example:" + port + "/a.jpg");
        List<String> redirected = ask("http://images.example:" + port + "/to-rebinding");

        assertTrue(direct.get(0).contains("io.openliberty.org.jboss.resteasy"), "Liberty's RESTEasy, not a copy: " + direct.get(0));
        assertEquals("downloaded 29 bytes", allowedName.get(1), "the probe downloads through Liberty's client");
        String refused = "failed after 1 attempts: refused: rebind.example is a loopback address (127.0.0.1)"
                + " (allow it with the server variable download.allowed.hosts)";
        assertEquals(refused, direct.get(1));
        assertEquals(refused, redirected.get(1));
        assertEquals(1, images.requests("/a.jpg"), "only the allowed name's request came; the rebound name's never did");
        assertEquals(1, images.requests("/to-rebinding"));
    }

    private List<String> ask(String url) throws Exception {
        URI uri = URI.create(probe + "probe?rebinds=rebind.example&allowed=images.example&url="
                + URLEncoder.encode(url, StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().lines().toList();
    }
}
