package io.stipple.gallery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.stipple.gallery.domain.ClientProfile;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.testinfra.DevTokens;
import io.stipple.testinfra.EventContracts;
import io.stipple.testinfra.StippleInfra;
import io.stipple.testinfra.TopicProbe;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/** Tokens, upstream events from the documented examples, and uploads, for the gallery's tests. */
public final class Fixtures {

    public static final String PHOTOS = "/api/v1/gallery/photos";
    public static final String SETS = "/api/v1/gallery/sets";

    private Fixtures() {
    }

    public static String bootstrap() {
        return StippleInfra.get().kafka().bootstrapServers();
    }

    public static String staff(UUID clinicId) {
        return DevTokens.token("staff-" + UUID.randomUUID(), clinicId, "staff");
    }

    public static String admin(UUID clinicId) {
        return DevTokens.token("admin-" + UUID.randomUUID(), clinicId, "admin");
    }

    public static String client(UUID clinicId, UUID clientId) {
        return DevTokens.builder().subject("client-" + clientId).clinic(clinicId).roles("client").clientId(clientId).sign();
    }

    /** Sends client-service's documented example of {@code type}, with this test's ids and the given data changes. */
    public static UUID sendClientEvent(String type, UUID clinicId, UUID clientId, Consumer<ObjectNode> data) {
        return send("client-service", "stipple.clients", type, clinicId, clientId, data);
    }

    public static UUID sendBookingEvent(String type, UUID clinicId, UUID clientId, Consumer<ObjectNode> data) {
        return send("booking-service", "stipple.bookings", type, clinicId, clientId, data);
    }

    static UUID send(String service, String topic, String type, UUID clinicId, UUID clientId, Consumer<ObjectNode> data) {
        ObjectNode event = EventContracts.forService(service).exampleNode(type);
        UUID id = UUID.randomUUID();
        event.put("id", id.toString());
        event.put("subject", clientId.toString());
        event.put("clinicid", clinicId.toString());
        event.put("time", Instant.now().toString());
        ObjectNode payload = (ObjectNode) event.get("data");
        payload.put("clientId", clientId.toString());
        data.accept(payload);
        TopicProbe.send(bootstrap(), topic, clientId.toString(), event.toString(), Map.of());
        return id;
    }

    public static void consent(UUID clinicId, UUID clientId, String scope, boolean granted) {
        sendClientEvent(granted ? "ConsentGranted" : "ConsentWithdrawn", clinicId, clientId, d -> {
            d.put("scope", scope);
            d.put("occurredAt", Instant.now().toString());
        });
    }

    /** Grants clinical-photos consent and waits until the gallery knows it. */
    public static void clinicalConsent(UUID clinicId, UUID clientId) {
        consent(clinicId, clientId, "CLINICAL_PHOTOS", true);
        awaitProfile(clinicId, clientId, p -> p.clinicalPhotosConsent);
    }

    /** Sends ClientRegistered (client-service's example) and waits until the gallery knows the client in the clinic. */
    public static void registered(UUID clinicId, UUID clientId) {
        sendClientEvent("ClientRegistered", clinicId, clientId, d -> { });
        awaitProfile(clinicId, clientId, p -> true);
    }

    /** The clinic's profile of the client (read as that clinic: Row-Level Security), or null. */
    public static ClientProfile profile(UUID clinicId, UUID clientId) {
        return Tenancy.asClinic(clinicId, () -> QuarkusTransaction.requiringNew()
                .call(() -> ClientProfile.<ClientProfile>findByIdOptional(new ClientProfile.Key(clinicId, clientId))
                        .orElse(null)));
    }

    public static ClientProfile awaitProfile(UUID clinicId, UUID clientId, Predicate<ClientProfile> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> profile(clinicId, clientId), p -> p != null && condition.test(p));
    }

    public static RequestSpecification uploadRequest(String token, UUID clientId, String phase, String angle,
                                                     Instant takenAt, byte[] file) {
        return given().auth().oauth2(token)
                .multiPart("clientId", clientId.toString())
                .multiPart("phase", phase)
                .multiPart("angle", angle)
                .multiPart("takenAt", takenAt.toString())
                .multiPart("file", "upload.bin", file, "application/octet-stream");
    }

    public static Response upload(String token, UUID clientId, String phase, String angle, Instant takenAt, byte[] file) {
        return uploadRequest(token, clientId, phase, angle, takenAt, file).post(PHOTOS);
    }

    /** Uploads and returns the new photo's id, failing unless it was created. */
    public static UUID uploaded(String token, UUID clientId, String phase, String angle, Instant takenAt, byte[] file) {
        return UUID.fromString(upload(token, clientId, phase, angle, takenAt, file)
                .then().statusCode(201).extract().path("id"));
    }
}
