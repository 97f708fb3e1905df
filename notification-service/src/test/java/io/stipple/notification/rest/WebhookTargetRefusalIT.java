package io.stipple.notification.rest;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.stipple.platform.tenancy.Tenancy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.stipple.notification.ChannelsTestResource;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import io.stipple.notification.Tokens;
import io.stipple.notification.domain.WebhookDelivery;
import io.stipple.notification.service.WebhookDispatcher;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.stipple.notification.Events.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * With {@code notification.webhooks.allow-private-targets=false} (every profile but dev): a loopback or
 * private target is refused when subscribing, and a subscription that points there anyway (DNS changed,
 * or saved before) gets no request — the attempt fails as refused.
 */
@QuarkusTest
@TestProfile(WebhookTargetRefusalIT.PrivateTargetsRefused.class)
class WebhookTargetRefusalIT {

    public static class PrivateTargetsRefused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notification.webhooks.allow-private-targets", "false");
        }
    }

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    EntityManager em;

    private final UUID clinicId = UUID.randomUUID();

    @Test
    void loopback_private_and_link_local_targets_are_refused_on_subscribe() {
        for (String url : List.of(ChannelsTestResource.wireMockUrl("/hooks/local"), "http://localhost:9/hooks",
                "http://10.0.0.7/hooks", "http://192.168.1.20/hooks", "http://[::1]:8080/hooks", "http://169.254.169.254/latest")) {
            given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON)
                    .body(Map.of("url", url, "eventTypes", List.of("BookingConfirmed")))
                    .post("/api/v1/webhooks")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("https://stipple.io/problems/webhook-target-not-allowed"))
                    .body("detail", containsString("address"));
        }
    }

    @Test
    void a_subscription_that_points_inside_is_never_called() {
        String path = "/hooks/inside-" + UUID.randomUUID();
        WireMock wireMock = ChannelsTestResource.wireMock();
        wireMock.register(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        UUID subscription = UUID.randomUUID();
        Tenancy.asClinic(clinicId, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into webhook_subscription (id, clinic_id, url, secret, event_types, active, created_at)
                        values (?1, ?2, ?3, 'whsec_test', 'BookingConfirmed', true, now())""")
                .setParameter(1, subscription).setParameter(2, clinicId).setParameter(3, ChannelsTestResource.wireMockUrl(path))
                .executeUpdate()));

        Events.publish("booking-service", "BookingConfirmed", clinicId, Events.knownClient(clinicId, UUID.randomUUID()), data("bookingId", UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.deliveriesOf(subscription).size() == 1);
        dispatcher.runOnce();

        WebhookDelivery delivery = Db.deliveriesOf(subscription).get(0);
        assertThat(delivery.attempts).isEqualTo(1);
        assertThat(delivery.status).isEqualTo(WebhookDelivery.PENDING);
        assertThat(delivery.lastError).startsWith("target refused");
        assertThat(wireMock.find(postRequestedFor(urlEqualTo(path)))).isEmpty();
    }
}
