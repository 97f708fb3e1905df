package io.stipple.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.stipple.testinfra.StippleInfraTestResource;

/**
 * One declaration of the real infrastructure for every @QuarkusTest of this module (one shared boot):
 * PostgreSQL and Kafka from test-infra, an SMTP server and an HTTP receiver from {@link ChannelsTestResource}.
 */
@QuarkusTestResource(value = StippleInfraTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notification"),
        @ResourceArg(name = "topics", value = "stipple.clients,stipple.bookings,stipple.gallery,stipple.dlq.notification-service")})
@QuarkusTestResource(ChannelsTestResource.class)
public final class NotificationTestInfra {

    private NotificationTestInfra() {
    }
}
