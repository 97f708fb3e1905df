package io.stipple.gallery;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.stipple.testinfra.StippleInfraTestResource;

/** Real PostgreSQL and Kafka for every @QuarkusTest of the module (one shared boot). */
@QuarkusTestResource(value = StippleInfraTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "gallery"),
        @ResourceArg(name = "topics", value = "stipple.clients,stipple.bookings,stipple.gallery,stipple.dlq.gallery-service")})
public final class GalleryTestInfra {
}
