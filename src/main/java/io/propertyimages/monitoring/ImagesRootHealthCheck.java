package io.propertyimages.monitoring;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.propertyimages.batch.download.BatchServices;

/** Ready only while the images root takes new files: a download job could save nothing otherwise. */
@Readiness
@ApplicationScoped
public class ImagesRootHealthCheck implements HealthCheck {
    @Inject
    BatchServices services;

    @Override
    public HealthCheckResponse call() {
        Path root = services.imagesRoot();
        Optional<String> problem = WritableFolderProbe.problemWith(root);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("images-root").withData("path", root.toString());
        return problem.map(p -> response.down().withData("reason", p)).orElseGet(response::up).build();
    }
}
