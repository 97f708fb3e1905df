package io.stipple.booking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.stipple.testinfra.StippleInfraTestResource;

/** Real PostgreSQL and Kafka, and Stripe's API on WireMock, for every @QuarkusTest of the module (one shared boot). */
@QuarkusTestResource(value = StippleInfraTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "booking"),
        @ResourceArg(name = "topics", value = "stipple.bookings,stipple.clients,stipple.dlq.booking-service")})
@QuarkusTestResource(StripeTestResource.class)
public final class BookingServiceTestInfra {
}
