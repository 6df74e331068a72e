package io.propertyimages.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import io.propertyimages.batch.engine.BatchRuntimeBootstrap;

/** Alive once the embedded batch engine has started; it does not look at the database, which readiness covers. */
@Liveness
@ApplicationScoped
public class BatchEngineHealthCheck implements HealthCheck {
    @Inject
    BatchRuntimeBootstrap batch;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("batch-engine").status(batch.jobRepository() != null).build();
    }
}
