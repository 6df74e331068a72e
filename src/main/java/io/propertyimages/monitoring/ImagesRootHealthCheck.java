package io.propertyimages.monitoring;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the images root takes new files: a download job could save nothing otherwise. */
@Readiness
@ApplicationScoped
public class ImagesRootHealthCheck implements HealthCheck {
    @Inject
    @ConfigProperty(name = "images.root")
    String imagesRoot;

    @Override
    public HealthCheckResponse call() {
        Path root = Path.of(imagesRoot).toAbsolutePath().normalize();
        Optional<String> problem = WritableFolderProbe.problemWith(root);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("images-root").withData("path", root.toString());
        return problem.map(p -> response.down().withData("reason", p)).orElseGet(response::up).build();
    }
}
