package io.propertyimages.download;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;

/**
 * Runs {@link ImageDownloader} inside Liberty, on Liberty's Jakarta REST client, with a {@link RebindingResolver}
 * for the name {@code rebinds}: {@code GET ?rebinds=NAME&allowed=NAMES&url=URL} answers the class loader of the
 * RESTEasy client builder the downloader uses (Liberty's bundle, not a copy in the WAR) on its first line and what
 * became of the download on its second. Deployed by
 * {@link RebindingOnLibertyIT} only, in a WAR of its own.
 */
@WebServlet("/probe")
public class RebindingProbeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RebindingResolver resolver = new RebindingResolver(request.getParameter("rebinds"));
        String outcome;
        try (ImageDownloader downloader = new ImageDownloader(DownloadSettings.defaults(),
                HostPolicy.allowing(request.getParameter("allowed")), duration -> { }, resolver)) {
            DownloadedImage image = downloader.download(URI.create(request.getParameter("url")));
            outcome = "downloaded " + image.body().length + " bytes";
        } catch (DownloadFailedException e) {
            outcome = "failed after " + e.attempts() + " attempts: " + e.reason();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        }
        response.setContentType("text/plain");
        response.getWriter().println(ResteasyClientBuilderImpl.class.getClassLoader());
        response.getWriter().println(outcome);
    }
}
