package io.stipple.platform;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.stipple.testinfra.StippleInfraTestResource;

/** One declaration of the real PostgreSQL and Kafka for every platform test (one shared Quarkus boot). */
@QuarkusTestResource(value = StippleInfraTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"),
        @ResourceArg(name = "topics", value = "stipple.test.widgets,stipple.dlq.platform-test")})
public final class PlatformTestInfra {
    public static final String CLINIC_A = "0b6f8f4e-1c1d-4a43-9d59-3b1a8f0c0a01";
    public static final String CLINIC_B = "0b6f8f4e-1c1d-4a43-9d59-3b1a8f0c0b02";

    private PlatformTestInfra() {
    }
}
