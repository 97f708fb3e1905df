package io.stipple.gallery.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stipple.gallery.Fixtures;
import io.stipple.gallery.domain.ClientProfile;
import io.stipple.gallery.domain.Photo;
import io.stipple.gallery.image.TestImages;
import io.stipple.gallery.storage.LocalObjectStorage;
import io.stipple.gallery.storage.ObjectKeys;
import io.stipple.gallery.storage.ObjectStorage;
import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.testinfra.EventContracts;
import io.stipple.testinfra.TopicProbe;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.stipple.gallery.Fixtures.PHOTOS;
import static io.stipple.gallery.Fixtures.SETS;
import static io.stipple.gallery.Fixtures.admin;
import static io.stipple.gallery.Fixtures.awaitProfile;
import static io.stipple.gallery.Fixtures.clinicalConsent;
import static io.stipple.gallery.Fixtures.consent;
import static io.stipple.gallery.Fixtures.staff;
import static io.stipple.gallery.Fixtures.uploaded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ClientEventsConsumerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ObjectStorage storage;

    @Inject
    PartnerDirectory partners;

    private boolean shares(UUID clinic, UUID clientId, String partnerId) {
        return Tenancy.asClinic(clinic, () -> QuarkusTransaction.requiringNew()
                .call(() -> partners.sharesWith(clinic, clientId, partnerId)));
    }

    @Test
    void partnerRegistryAndPartnerSharingAreProjectedPerClinic() {
        UUID clinic = UUID.randomUUID();
        UUID otherClinic = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        String partnerId = "gallery-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode registered = EventContracts.forService("client-service").exampleNode("PartnerRegistered");
        registered.put("id", UUID.randomUUID().toString());
        registered.put("subject", partnerId);
        registered.put("clinicid", clinic.toString());
        registered.put("time", Instant.now().minusSeconds(60).toString());
        ((ObjectNode) registered.get("data")).put("partnerId", partnerId).put("status", "ACTIVE");
        TopicProbe.send(Fixtures.bootstrap(), "stipple.clients", clientId.toString(), registered.toString(), Map.of());
        Fixtures.sendClientEvent("ConsentGranted", clinic, clientId, d -> {
            d.put("scope", "PARTNER_SHARING");
            d.put("partnerId", partnerId);
        });
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> shares(clinic, clientId, partnerId));
        // the same partner id in another clinic is another partner: it shares nothing
        assertThat(shares(otherClinic, clientId, partnerId)).isFalse();

        Fixtures.sendClientEvent("ConsentWithdrawn", clinic, clientId, d -> {
            d.put("scope", "PARTNER_SHARING");
            d.put("partnerId", partnerId);
        });
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !shares(clinic, clientId, partnerId));
    }

    @Test
    void theDocumentedExamplesAreUnderstood() {
        // the examples as documented by client-service; only the event id is fresh (the examples share one, and
        // the inbox rightly applies an event id once)
        EventContracts clients = EventContracts.forService("client-service");
        ObjectNode granted = clients.exampleNode("ConsentGranted");
        UUID clientId = UUID.fromString(granted.path("data").path("clientId").asText());
        for (String type : List.of("AssessmentRecorded", "TreatmentPlanAgreed", "ConsentGranted")) {
            ObjectNode example = clients.exampleNode(type);
            example.put("id", UUID.randomUUID().toString());
            TopicProbe.send(Fixtures.bootstrap(), "stipple.clients", clientId.toString(), example.toString(), Map.of());
        }
        UUID exampleClinic = UUID.fromString(granted.path("clinicid").asText());
        ClientProfile profile = awaitProfile(exampleClinic, clientId, p -> p.publicGalleryConsent && p.treatmentType != null && p.condition != null);
        assertThat(profile.clinicId.toString()).isEqualTo(granted.path("clinicid").asText());
        assertThat(profile.fitzpatrickType).isNotNull();
    }

    @Test
    void aRedeliveredWithdrawalIsAppliedOnceAndAnOlderDecisionNeverUndoesANewerOne() {
        UUID clinic = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        Instant now = Instant.now();
        Fixtures.sendClientEvent("ConsentGranted", clinic, clientId, d -> {
            d.put("scope", "PUBLIC_GALLERY");
            d.put("occurredAt", now.toString());
        });
        awaitProfile(clinic, clientId, p -> p.publicGalleryConsent);
        // a withdrawal that happened before the grant (replayed late) changes nothing
        Fixtures.sendClientEvent("ConsentWithdrawn", clinic, clientId, d -> {
            d.put("scope", "PUBLIC_GALLERY");
            d.put("occurredAt", now.minus(1, ChronoUnit.DAYS).toString());
        });
        // a marker event after it, to know the withdrawal was consumed
        Fixtures.sendClientEvent("ConsentGranted", clinic, clientId, d -> {
            d.put("scope", "CLINICAL_PHOTOS");
            d.put("occurredAt", now.toString());
        });
        ClientProfile profile = awaitProfile(clinic, clientId, p -> p.clinicalPhotosConsent);
        assertThat(profile.publicGalleryConsent).isTrue();
    }

    @Test
    void sessionCompletedLinksPhotosToTheSession() {
        UUID clinic = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        UUID bookingId = UUID.randomUUID();
        String staff = staff(clinic);
        clinicalConsent(clinic, clientId);
        String id = Fixtures.uploadRequest(staff, clientId, "AFTER", "TOP", Instant.now().minus(2, ChronoUnit.HOURS), TestImages.jpeg(64, 48, 41))
                .multiPart("bookingId", bookingId.toString())
                .post(PHOTOS).then().statusCode(201).body("sessionNumber", equalTo(null)).extract().path("id");

        Fixtures.sendBookingEvent("SessionCompleted", clinic, clientId, d -> {
            d.put("bookingId", bookingId.toString());
            d.put("sessionNumber", 2);
            d.put("clinicName", "Stipple Leeds");
            d.put("treatmentType", "TRICOPIGMENTATION");
        });
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(staff).get(PHOTOS + "/" + id).then().statusCode(200).body("sessionNumber", equalTo(2)));
        assertThat(awaitProfile(clinic, clientId, p -> p.treatmentType != null).treatmentType.name()).isEqualTo("TRICOPIGMENTATION");

        // a later photo for the same booking takes the number from the known session
        Fixtures.uploadRequest(staff, clientId, "AFTER", "FRONT", Instant.now().minus(1, ChronoUnit.HOURS), TestImages.jpeg(64, 48, 42))
                .multiPart("bookingId", bookingId.toString())
                .post(PHOTOS).then().statusCode(201).body("sessionNumber", equalTo(2));
        // a booking of another client is refused
        UUID other = UUID.randomUUID();
        clinicalConsent(clinic, other);
        Fixtures.uploadRequest(staff, other, "AFTER", "FRONT", Instant.now().minus(1, ChronoUnit.HOURS), TestImages.jpeg(64, 48, 43))
                .multiPart("bookingId", bookingId.toString())
                .post(PHOTOS).then().statusCode(422).body("type", equalTo("https://stipple.io/problems/booking-mismatch"));
    }

    @Test
    void anUnreadableMessageGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String key = UUID.randomUUID().toString();
        try (TopicProbe dlq = new TopicProbe(Fixtures.bootstrap(), "stipple.dlq.gallery-service")) {
            TopicProbe.send(Fixtures.bootstrap(), "stipple.clients", key, "this is not a CloudEvent", Map.of());
            ConsumerRecord<String, String> dead = dlq.awaitRecords(r -> key.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
            assertThat(TopicProbe.header(dead, "dead-letter-reason")).isNotBlank();
        }
        UUID clinic = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        consent(clinic, clientId, "CLINICAL_PHOTOS", true);
        awaitProfile(clinic, clientId, p -> p.clinicalPhotosConsent);
    }

    @Test
    void erasureWithdrawsPublicSetsAndDeletesEveryStoredObjectOfTheClient() throws Exception {
        UUID clinic = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        String staff = staff(clinic);
        String admin = admin(clinic);
        clinicalConsent(clinic, clientId);
        consent(clinic, clientId, "PUBLIC_GALLERY", true);
        awaitProfile(clinic, clientId, p -> p.publicGalleryConsent);
        Instant t = Instant.now().minus(30, ChronoUnit.DAYS);
        UUID before = uploaded(staff, clientId, "BEFORE", "FRONT", t, TestImages.jpeg(160, 120, 51));
        UUID after = uploaded(staff, clientId, "AFTER", "FRONT", t.plus(10, ChronoUnit.DAYS), TestImages.jpeg(160, 120, 52));
        String setId = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body("{\"beforePhotoId\":\"" + before + "\",\"afterPhotoId\":\"" + after + "\"}")
                .post(SETS).then().statusCode(201).extract().path("id");
        given().auth().oauth2(staff).header("If-Match", "\"0\"").post(SETS + "/" + setId + "/submit").then().statusCode(200);
        given().auth().oauth2(admin).header("If-Match", "\"1\"").post(SETS + "/" + setId + "/publish").then().statusCode(200);
        given().get("/api/v1/gallery/public/sets/" + setId + "/images/composite").then().statusCode(200); // composite cached
        String link = given().auth().oauth2(staff).get(PHOTOS + "/" + before + "/signed-link").then().statusCode(200).extract().path("url");
        given().get(link).then().statusCode(200);

        List<String> keys = new ArrayList<>();
        Tenancy.asClinic(clinic, () -> QuarkusTransaction.requiringNew().run(() ->
                Photo.<Photo>list("clientId", clientId).forEach(p -> keys.addAll(p.objectKeys()))));
        assertThat(keys).hasSize(6).allMatch(storage::exists);
        java.nio.file.Path clientDir = ((LocalObjectStorage) storage).root().resolve(ObjectKeys.clientPrefix(clinic, clientId));
        assertThat(Files.list(clientDir).count()).isEqualTo(7); // 6 renditions and the composite

        try (TopicProbe probe = new TopicProbe(Fixtures.bootstrap(), "stipple.gallery")) {
            Fixtures.sendClientEvent("ClientErased", clinic, clientId, d -> d.put("erasedAt", Instant.now().toString()));

            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().auth().oauth2(staff).get(PHOTOS + "/" + before).then().statusCode(404));
            assertThat(keys).noneMatch(storage::exists);
            assertThat(Files.exists(clientDir)).isFalse();
            given().get(link).then().statusCode(404);
            given().get("/api/v1/gallery/public/sets/" + setId).then().statusCode(404);
            given().get("/api/v1/gallery/public/sets/" + setId + "/images/composite").then().statusCode(404);
            given().auth().oauth2(staff).get(SETS + "/" + setId).then().statusCode(404);
            given().auth().oauth2(staff).get(PHOTOS + "?clientId=" + clientId).then().body("totalItems", equalTo(0));

            ConsumerRecord<String, String> withdrawn = probe.awaitRecords(r -> r.key().equals(clientId.toString())
                    && r.value().contains("io.stipple.PhotoWithdrawn"), 1, Duration.ofSeconds(30)).get(0);
            EventContracts.forService("gallery-service").assertValid("PhotoWithdrawn", withdrawn.value());
            assertThat(JSON.readTree(withdrawn.value()).path("data").path("reason").asText()).isEqualTo("CLIENT_ERASED");
        }

        // the client stays erased: a late consent event does not revive them, and nothing can be uploaded
        consent(clinic, clientId, "CLINICAL_PHOTOS", true);
        UUID marker = UUID.randomUUID();
        consent(clinic, marker, "CLINICAL_PHOTOS", true);
        awaitProfile(clinic, marker, p -> p.clinicalPhotosConsent);
        ClientProfile tombstone = Fixtures.profile(clinic, clientId);
        assertThat(tombstone.erased()).isTrue();
        assertThat(tombstone.clinicalPhotosConsent).isFalse();
        Response refused = Fixtures.upload(staff, clientId, "BEFORE", "FRONT", t, TestImages.jpeg(64, 48, 53));
        refused.then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://stipple.io/problems/unknown-client"));
    }

    /**
     * An upload that passed its checks before the client was erased, and records its photo after: refused (422), and
     * nothing it stored survives. The erasure's transaction is held open while the upload reaches its commit.
     */
    @Test
    void anUploadRacingWithTheErasureIsRefusedAndLeavesNothingStored() throws Exception {
        UUID clinic = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        String staff = staff(clinic);
        clinicalConsent(clinic, clientId);
        awaitProfile(clinic, clientId, p -> p.clinicalPhotosConsent);

        java.util.concurrent.CountDownLatch erasing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Void> erasure = java.util.concurrent.CompletableFuture.runAsync(() ->
                Tenancy.asClinic(clinic, () -> QuarkusTransaction.requiringNew().run(() -> {
                    erasureService.erase(clinic, new ClientEventsReceived.ClientErased(clientId, Instant.now()));
                    erasing.countDown();
                    try {
                        commit.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })));
        assertThat(erasing.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        // the upload's first check still sees the client (the erasure has not committed); it stores its objects and
        // then waits for the erasure at the profile row
        java.util.concurrent.CompletableFuture<Response> upload = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                Fixtures.upload(staff, clientId, "BEFORE", "FRONT", Instant.now().minus(1, ChronoUnit.DAYS),
                        TestImages.jpeg(160, 120, 61)));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnALock() > 0);
        commit.countDown();
        erasure.get(30, java.util.concurrent.TimeUnit.SECONDS);

        Response refused = upload.get(30, java.util.concurrent.TimeUnit.SECONDS);
        refused.then().statusCode(422).body("type", equalTo("https://stipple.io/problems/unknown-client"));
        java.nio.file.Path clientDir = ((LocalObjectStorage) storage).root().resolve(ObjectKeys.clientPrefix(clinic, clientId));
        assertThat(!Files.exists(clientDir) || Files.list(clientDir).findAny().isEmpty())
                .as("no stored object of the erased client under " + clientDir).isTrue();
        long photos = Tenancy.asClinic(clinic, () -> QuarkusTransaction.requiringNew().call(() ->
                Photo.count("clientId", clientId)));
        assertThat(photos).isZero();
    }

    /** Sessions of this database waiting on a row lock right now. */
    private static long waitingOnALock() {
        return Tenancy.acrossClinics("test assertion", () -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) Photo.getEntityManager().createNativeQuery("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and wait_event_type = 'Lock'""").getSingleResult()).longValue()));
    }

    @Inject
    io.stipple.gallery.service.ErasureService erasureService;
}
