package io.stipple.gallery.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the image store can be used: without it no upload or image request can succeed. */
@Readiness
@ApplicationScoped
public class ObjectStorageHealthCheck implements HealthCheck {

    @Inject
    ObjectStorage storage;

    @Override
    public HealthCheckResponse call() {
        try {
            storage.ping();
            return HealthCheckResponse.named("Image storage").up().withData("store", storage.describe()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("Image storage").down()
                    .withData("store", storage.describe()).withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
