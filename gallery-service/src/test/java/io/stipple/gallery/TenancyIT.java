package io.stipple.gallery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stipple.gallery.domain.ClientProfile;
import io.stipple.gallery.image.TestImages;
import io.stipple.gallery.messaging.BookingEventsConsumer;
import io.stipple.gallery.messaging.ClientEventsConsumer;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.inbox.Inbox;
import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.testinfra.EventContracts;
import io.stipple.testinfra.TenancyProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static io.stipple.gallery.Fixtures.PHOTOS;
import static io.stipple.gallery.Fixtures.SETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * Tenancy is enforced by PostgreSQL: with real data of two clinics created through the API and the events the
 * gallery consumes (applied through the consumers' own inbox and handlers), queries with no clinic filter at all (the probe connects as the service's runtime role) see one
 * clinic's rows, nothing without a clinic, and the runtime role can neither bypass nor switch off Row-Level Security.
 * The public gallery (no token, no clinic) reads across clinics on its one named path, and only consenting clients'
 * published sets.
 */
@QuarkusTest
class TenancyIT {

    /** Every table of the gallery's schema that holds a clinic's data, populated for both clinics below. */
    static final List<String> GALLERY_TABLES = List.of("clinic", "client_profile", "completed_session", "photo",
            "photo_set", "access_audit", "outbox_event", "idempotency_record", "partner_registry", "partner_sharing");

    @Inject
    EntityManager em;

    @Inject
    PartnerDirectory partners;

    @Inject
    Inbox inbox;

    @Inject
    ClientEventsConsumer clientEvents;

    @Inject
    BookingEventsConsumer bookingEvents;

    /** What one clinic's gallery holds, made through the API and the upstream events. */
    record ClinicData(UUID clinic, UUID client, UUID setId, UUID photoId) {
    }

    /**
     * One upstream event, from its producer's documented example with this test's ids, applied through the same
     * inbox and handler as the Kafka consumer (under the event's clinic, in the inbox's transaction) without waiting
     * for Kafka; the Kafka path itself is what {@code ClientEventsConsumerTest} proves.
     */
    private void feed(String producer, String type, UUID clinic, String subject, Consumer<ObjectNode> data) {
        ObjectNode event = EventContracts.forService(producer).exampleNode(type);
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", subject);
        event.put("clinicid", clinic.toString());
        event.put("time", Instant.now().toString());
        data.accept((ObjectNode) event.get("data"));
        EventEnvelope envelope = inbox.parse(event.toString());
        if ("booking-service".equals(producer)) {
            inbox.apply("gallery-service", "stipple.bookings", envelope, bookingEvents::handle);
        } else {
            inbox.apply("gallery-service", "stipple.clients", envelope, clientEvents::handle);
        }
    }

    private void feedClientEvent(String type, UUID clinic, UUID client, Consumer<ObjectNode> data) {
        feed("client-service", type, clinic, client.toString(), d -> {
            d.put("clientId", client.toString());
            data.accept(d);
        });
    }

    private ClinicData galleryDataFor(UUID clinic) {
        UUID client = UUID.randomUUID();
        String staff = Fixtures.staff(clinic);
        String admin = Fixtures.admin(clinic);
        String partnerId = "tenancy-" + UUID.randomUUID().toString().substring(0, 8);
        feedClientEvent("ClientRegistered", clinic, client, d -> { });
        feed("client-service", "PartnerRegistered", clinic, partnerId, d -> {
            d.put("partnerId", partnerId);
            d.put("status", PartnerDirectory.ACTIVE);
        });
        feedClientEvent("ConsentGranted", clinic, client, d -> {
            d.put("scope", "PARTNER_SHARING");
            d.put("partnerId", partnerId);
        });
        for (String scope : List.of("CLINICAL_PHOTOS", "PUBLIC_GALLERY")) {
            feedClientEvent("ConsentGranted", clinic, client, d -> {
                d.put("scope", scope);
                d.put("occurredAt", Instant.now().toString());
            });
        }
        UUID bookingId = UUID.randomUUID();
        feed("booking-service", "SessionCompleted", clinic, client.toString(), d -> {
            d.put("clientId", client.toString());
            d.put("bookingId", bookingId.toString());
            d.put("sessionNumber", 1);
            d.put("clinicName", "Clinic " + clinic.toString().substring(0, 4));
        });
        ClientProfile profile = Fixtures.profile(clinic, client);
        assertThat(profile.clinicalPhotosConsent && profile.publicGalleryConsent && profile.treatmentType != null).isTrue();
        assertThat(Tenancy.asClinic(clinic, () -> QuarkusTransaction.requiringNew()
                .call(() -> partners.sharesWith(clinic, client, partnerId)))).isTrue();

        Instant t = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String before = Fixtures.uploadRequest(staff, client, "BEFORE", "CROWN", t, TestImages.jpeg(120, 90, 71))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .multiPart("bookingId", bookingId.toString())
                .post(PHOTOS).then().statusCode(201).body("sessionNumber", equalTo(1)).extract().path("id");
        String after = Fixtures.uploadRequest(staff, client, "AFTER", "CROWN", t.plus(20, ChronoUnit.DAYS),
                        TestImages.jpeg(120, 90, 72))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post(PHOTOS).then().statusCode(201).extract().path("id");
        given().auth().oauth2(staff).get(PHOTOS + "/" + before + "/content").then().statusCode(200);
        String setId = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body("{\"beforePhotoId\":\"" + before + "\",\"afterPhotoId\":\"" + after + "\"}")
                .post(SETS).then().statusCode(201).extract().path("id");
        given().auth().oauth2(staff).header("If-Match", "\"0\"").post(SETS + "/" + setId + "/submit").then().statusCode(200);
        given().auth().oauth2(admin).header("If-Match", "\"1\"").post(SETS + "/" + setId + "/publish").then().statusCode(200);
        String settingsTag = given().auth().oauth2(admin).get("/api/v1/gallery/settings").then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(admin).header("If-Match", settingsTag).contentType(ContentType.JSON)
                .body("{\"clientUploadsAllowed\":true}").put("/api/v1/gallery/settings").then().statusCode(200);
        return new ClinicData(clinic, client, UUID.fromString(setId), UUID.fromString(before));
    }

    private long count(String sql, UUID param) {
        return ((Number) em.createNativeQuery(sql).setParameter("p", param).getSingleResult()).longValue();
    }

    @Test
    void theDatabaseItselfKeepsEveryClinicTableApart() {
        ClinicData a = galleryDataFor(UUID.randomUUID());
        ClinicData b = galleryDataFor(UUID.randomUUID());
        Config config = ConfigProvider.getConfig();
        TenancyProbe.Report report = TenancyProbe.check(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        System.out.println(report);
        System.out.println("TenancyProbe rows per table " + report.rowsPerTable() + ", clinics per table "
                + report.clinicsPerTable());
        assertThat(report.problems()).isEmpty();
        for (String table : GALLERY_TABLES) {
            assertThat(report.clinicsPerTable().get(table)).as("clinics with rows in " + table).isGreaterThanOrEqualTo(2);
        }
        assertThat(report.globalTables()).containsExactly("inbox_event");
    }

    @Test
    void aQueryWithNoClinicFilterSeesOnlyTheBoundClinic() {
        ClinicData a = galleryDataFor(UUID.randomUUID());
        ClinicData b = galleryDataFor(UUID.randomUUID());
        String bothPhotos = "select count(*) from photo where id in (:p, '" + b.photoId() + "')";

        assertThat(Tenancy.asClinic(a.clinic(), () -> QuarkusTransaction.requiringNew()
                .call(() -> count(bothPhotos, a.photoId())))).isEqualTo(1);
        assertThat(Tenancy.asClinic(b.clinic(), () -> QuarkusTransaction.requiringNew()
                .call(() -> count(bothPhotos, a.photoId())))).isEqualTo(1);
        // no clinic bound: nothing at all
        assertThat(QuarkusTransaction.requiringNew().call(() -> count(bothPhotos, a.photoId()))).isZero();
        assertThat(Tenancy.acrossClinics("test: both clinics", () -> QuarkusTransaction.requiringNew()
                .call(() -> count(bothPhotos, a.photoId())))).isEqualTo(2);
        // an unfiltered update changes the bound clinic's rows only
        int updated = Tenancy.asClinic(a.clinic(), () -> QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("update photo_set set moderation_note = 'probed' where id in (:a, :b)")
                        .setParameter("a", a.setId()).setParameter("b", b.setId()).executeUpdate()));
        assertThat(updated).isEqualTo(1);
        // and a write into another clinic is refused by the database itself
        assertThatThrownBy(() -> Tenancy.asClinic(a.clinic(), () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("insert into client_profile (clinic_id, client_id, updated_at)"
                                + " values (:clinic, :client, now())")
                        .setParameter("clinic", b.clinic()).setParameter("client", UUID.randomUUID())
                        .executeUpdate())))
                .hasStackTraceContaining("row-level security");
    }

    @Test
    void thePublicGalleryShowsEveryClinicsConsentingPublishedSetsWithoutAToken() {
        ClinicData a = galleryDataFor(UUID.randomUUID());
        ClinicData b = galleryDataFor(UUID.randomUUID());
        for (ClinicData d : List.of(a, b)) {
            given().get("/api/v1/gallery/public/sets/" + d.setId()).then().statusCode(200)
                    .body("clinicId", equalTo(d.clinic().toString()));
            given().get("/api/v1/gallery/public/sets?clinicId=" + d.clinic()).then().statusCode(200)
                    .body("totalItems", equalTo(1));
            String body = given().get("/api/v1/gallery/public/sets?clinicId=" + d.clinic()).asString();
            assertThat(body).doesNotContain(d.client().toString()).doesNotContain(d.photoId().toString());
            given().get("/api/v1/gallery/public/sets/" + d.setId() + "/images/before").then().statusCode(200)
                    .contentType("image/jpeg");
        }
        // a token of another clinic changes nothing: the public gallery is the same for everybody
        given().auth().oauth2(Fixtures.staff(UUID.randomUUID())).get("/api/v1/gallery/public/sets/" + a.setId())
                .then().statusCode(200);

        // consent is checked when the public gallery reads, not only when the set was published: a published set
        // whose client no longer consents (here: the projection changed under it) is not shown
        Tenancy.asClinic(a.clinic(), () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update client_profile set public_gallery_consent = false where client_id = :c")
                        .setParameter("c", a.client()).executeUpdate()));
        given().get("/api/v1/gallery/public/sets/" + a.setId()).then().statusCode(404);
        given().get("/api/v1/gallery/public/sets/" + a.setId() + "/images/composite").then().statusCode(404);
        given().get("/api/v1/gallery/public/sets?clinicId=" + a.clinic()).then().body("totalItems", equalTo(0));
        given().get("/api/v1/gallery/public/sets/" + b.setId()).then().statusCode(200);
    }

    @Test
    void aSignedLinkWorksWithoutATokenForTheClinicItWasSignedForOnly() {
        ClinicData a = galleryDataFor(UUID.randomUUID());
        String url = given().auth().oauth2(Fixtures.staff(a.clinic())).get(PHOTOS + "/" + a.photoId() + "/signed-link")
                .then().statusCode(200).extract().path("url");
        given().get(url).then().statusCode(200).contentType("image/jpeg");
        // the same link re-pointed at another clinic is not one this service signed
        given().get(url.replace(a.clinic().toString(), UUID.randomUUID().toString())).then().statusCode(403)
                .body("type", equalTo("https://stipple.io/problems/link-invalid"));
        // the use is audited in the link's clinic (visible to its admin only)
        given().auth().oauth2(Fixtures.admin(a.clinic())).get(PHOTOS + "/" + a.photoId() + "/access-log").then()
                .statusCode(200).body("items.action", org.hamcrest.Matchers.hasItem("LINK_OPENED"));
    }
}
