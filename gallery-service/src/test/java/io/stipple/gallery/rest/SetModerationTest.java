package io.stipple.gallery.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stipple.gallery.Fixtures;
import io.stipple.gallery.image.ImageCodecs;
import io.stipple.gallery.image.JpegSegments;
import io.stipple.gallery.image.TestImages;
import io.stipple.testinfra.EventContracts;
import io.stipple.testinfra.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.stipple.gallery.Fixtures.SETS;
import static io.stipple.gallery.Fixtures.admin;
import static io.stipple.gallery.Fixtures.awaitProfile;
import static io.stipple.gallery.Fixtures.clinicalConsent;
import static io.stipple.gallery.Fixtures.consent;
import static io.stipple.gallery.Fixtures.staff;
import static io.stipple.gallery.Fixtures.uploaded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class SetModerationTest {

    static final String PROBLEM = "application/problem+json";
    static final String PUBLIC = "/api/v1/gallery/public/sets";
    static final ObjectMapper JSON = new ObjectMapper();

    UUID clinic;
    UUID clientId;
    String staff;
    String admin;
    UUID before;
    UUID after;

    @BeforeEach
    void setUp() {
        clinic = UUID.randomUUID();
        clientId = UUID.randomUUID();
        staff = staff(clinic);
        admin = admin(clinic);
        clinicalConsent(clinic, clientId);
        Instant first = Instant.now().minus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        before = uploaded(staff, clientId, "BEFORE", "CROWN", first, TestImages.jpeg(640, 480, 31));
        after = uploaded(staff, clientId, "HEALED", "CROWN", first.plus(60, ChronoUnit.DAYS), TestImages.jpeg(480, 640, 32));
    }

    String createSet() {
        return given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body("{\"beforePhotoId\":\"" + before + "\",\"afterPhotoId\":\"" + after + "\"}")
                .post(SETS).then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT"))
                .body("angle", equalTo("CROWN"))
                .body("afterPhase", equalTo("HEALED"))
                .extract().path("id");
    }

    Response transition(String token, String setId, String action, String etag) {
        return given().auth().oauth2(token).header("If-Match", etag).post(SETS + "/" + setId + "/" + action);
    }

    String submitted() {
        String id = createSet();
        transition(staff, id, "submit", "\"0\"").then().statusCode(200).body("status", equalTo("SUBMITTED")).header("ETag", "\"1\"");
        return id;
    }

    @Test
    void publishingWithoutPublicGalleryConsentIsRefused() {
        String id = submitted();
        transition(admin, id, "publish", "\"1\"").then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://stipple.io/problems/public-gallery-consent-required"));
        given().auth().oauth2(staff).get(SETS + "/" + id).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        given().get(PUBLIC + "/" + id).then().statusCode(404);
    }

    @Test
    void publishedSetIsPublicWithoutIdentityAndWithdrawingConsentRemovesItAndKillsItsImageLinks() throws Exception {
        Fixtures.sendClientEvent("AssessmentRecorded", clinic, clientId, d -> {
            d.put("scale", "NORWOOD");
            d.put("stage", "5A");
            d.put("condition", "ANDROGENETIC");
            d.put("fitzpatrickType", 4);
            d.put("assessedAt", Instant.now().minus(100, ChronoUnit.DAYS).toString());
        });
        Fixtures.sendClientEvent("TreatmentPlanAgreed", clinic, clientId, d -> {
            d.put("treatmentType", "PERMANENT_SMP");
            d.put("agreedAt", Instant.now().minus(95, ChronoUnit.DAYS).toString());
        });
        consent(clinic, clientId, "PUBLIC_GALLERY", true);
        awaitProfile(clinic, clientId, p -> p.publicGalleryConsent && "5A".equals(p.stage) && p.treatmentType != null);

        String id = submitted();
        try (TopicProbe probe = new TopicProbe(Fixtures.bootstrap(), "stipple.gallery")) {
            transition(staff, id, "publish", "\"1\"").then().statusCode(403); // moderators only
            transition(admin, id, "publish", "\"1\"").then().statusCode(200)
                    .body("status", equalTo("PUBLISHED"))
                    .body("treatmentType", equalTo("PERMANENT_SMP"))
                    .body("stage", equalTo("5A"))
                    .body("skinType", equalTo(4));

            ConsumerRecord<String, String> published = probe.awaitRecords(r -> r.key().equals(clientId.toString())
                    && r.value().contains("io.stipple.PhotoPublished"), 1, Duration.ofSeconds(30)).get(0);
            EventContracts.forService("gallery-service").assertValid("PhotoPublished", published.value());
            JsonNode event = JSON.readTree(published.value());
            assertThat(event.path("clinicid").asText()).isEqualTo(clinic.toString());
            assertThat(event.path("data").path("setId").asText()).isEqualTo(id);
            assertThat(event.path("data").path("angle").asText()).isEqualTo("CROWN");
            assertThat(event.path("data").path("treatmentType").asText()).isEqualTo("PERMANENT_SMP");

            // the public gallery: filters, paging, cache headers, no identity
            Response list = given().get(PUBLIC + "?treatmentType=PERMANENT_SMP&stage=5a&skinType=4&clinicId=" + clinic + "&condition=ANDROGENETIC&scale=NORWOOD&angle=CROWN");
            list.then().statusCode(200)
                    .header("Cache-Control", "public, max-age=60")
                    .body("totalItems", equalTo(1))
                    .body("items[0].id", equalTo(id))
                    .body("items[0].images.composite", equalTo(PUBLIC + "/" + id + "/images/composite"));
            String body = list.asString();
            assertThat(body).doesNotContain(clientId.toString(), before.toString(), after.toString(), "takenAt", "clientId");
            given().get(PUBLIC + "?clinicId=" + clinic + "&skinType=2").then().statusCode(200).body("totalItems", equalTo(0));
            given().get(PUBLIC + "?clinicId=" + clinic + "&treatmentType=TRICOPIGMENTATION").then().body("totalItems", equalTo(0));
            given().get(PUBLIC + "?clinicId=" + clinic + "&stage=II").then().body("totalItems", equalTo(0));
            given().get(PUBLIC + "/" + id).then().statusCode(200).header("Cache-Control", "public, max-age=60")
                    .body("clinicId", equalTo(clinic.toString()));

            for (String slot : List.of("before", "after", "composite")) {
                Response image = given().get(PUBLIC + "/" + id + "/images/" + slot);
                image.then().statusCode(200).contentType("image/jpeg")
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Cache-Control", "public, max-age=60");
                assertThat(JpegSegments.headerSegments(image.asByteArray())).noneMatch(JpegSegments.Segment::isAppOrComment);
            }
            BufferedImage composite = ImageCodecs.decodeStoredJpeg(given().get(PUBLIC + "/" + id + "/images/composite").asByteArray());
            assertThat(composite.getWidth()).isGreaterThan(composite.getHeight()); // two halves side by side
            assertThat(composite.getHeight()).isGreaterThan(800);

            // the client withdraws gallery consent: out of the public API at once, image links dead
            consent(clinic, clientId, "PUBLIC_GALLERY", false);
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().get(PUBLIC + "/" + id).then().statusCode(404).contentType(PROBLEM));
            given().get(PUBLIC + "?clinicId=" + clinic).then().statusCode(200).body("totalItems", equalTo(0));
            for (String slot : List.of("before", "after", "composite")) {
                given().get(PUBLIC + "/" + id + "/images/" + slot).then().statusCode(404).contentType(PROBLEM);
            }
            given().auth().oauth2(staff).get(SETS + "/" + id).then().statusCode(200)
                    .body("status", equalTo("WITHDRAWN"))
                    .body("withdrawalReason", equalTo("CONSENT_WITHDRAWN"));

            ConsumerRecord<String, String> withdrawn = probe.awaitRecords(r -> r.key().equals(clientId.toString())
                    && r.value().contains("io.stipple.PhotoWithdrawn"), 1, Duration.ofSeconds(30)).get(0);
            EventContracts.forService("gallery-service").assertValid("PhotoWithdrawn", withdrawn.value());
            assertThat(JSON.readTree(withdrawn.value()).path("data").path("reason").asText()).isEqualTo("CONSENT_WITHDRAWN");
        }
    }

    @Test
    void moderationNeedsTheCurrentEtagAndAValidTransition() {
        String id = createSet();
        given().auth().oauth2(staff).post(SETS + "/" + id + "/submit").then().statusCode(428).contentType(PROBLEM)
                .body("type", equalTo("https://stipple.io/problems/precondition-required"));
        transition(staff, id, "submit", "\"7\"").then().statusCode(412)
                .body("type", equalTo("https://stipple.io/problems/stale-version"));
        transition(admin, id, "publish", "\"0\"").then().statusCode(409)
                .body("type", equalTo("https://stipple.io/problems/invalid-set-transition"));
        transition(staff, id, "submit", "\"0\"").then().statusCode(200);
        given().auth().oauth2(admin).header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{\"note\":\"Crop tighter\"}")
                .post(SETS + "/" + id + "/reject").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("moderationNote", equalTo("Crop tighter"));
        given().auth().oauth2(admin).header("If-Match", "\"2\"").contentType(ContentType.JSON).body("{}")
                .post(SETS + "/" + id + "/reject").then().statusCode(400)
                .body("type", equalTo("https://stipple.io/problems/validation-failed"));
        transition(staff, id, "withdraw", "\"2\"").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        transition(staff, id, "withdraw", "\"3\"").then().statusCode(409);
        given().auth().oauth2(staff).get(SETS + "?clientId=" + clientId + "&status=WITHDRAWN").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().auth().oauth2(staff).get(SETS + "?status=NOPE").then().statusCode(400);
    }

    @Test
    void suggestsPairingsAcrossSessionsAndLeavesOutExistingSets() {
        // a page, like every other list
        given().auth().oauth2(staff).get(SETS + "/suggestions?clientId=" + clientId).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("totalItems", equalTo(1)).body("page", equalTo(0))
                .body("items[0].angle", equalTo("CROWN"))
                .body("items[0].beforePhotoId", equalTo(before.toString()))
                .body("items[0].afterPhotoId", equalTo(after.toString()))
                .body("items[0].afterPhase", equalTo("HEALED"));
        given().auth().oauth2(staff).get(SETS + "/suggestions?clientId=" + clientId + "&page=1&size=1").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("totalItems", equalTo(1)).body("totalPages", equalTo(1));
        given().auth().oauth2(staff).get(SETS + "/suggestions?clientId=" + clientId + "&size=0").then().statusCode(400)
                .contentType(PROBLEM);
        createSet();
        given().auth().oauth2(staff).get(SETS + "/suggestions?clientId=" + clientId).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("totalItems", equalTo(0));
        // another clinic does not know the client: 404, not an empty answer about a client it cannot see
        given().auth().oauth2(staff(UUID.randomUUID())).get(SETS + "/suggestions?clientId=" + clientId).then()
                .statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(staff).get(SETS + "/suggestions?clientId=" + UUID.randomUUID()).then()
                .statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(staff).get(SETS + "/suggestions").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void pairingRulesAreEnforced() {
        UUID front = uploaded(staff, clientId, "AFTER", "FRONT", Instant.now().minus(1, ChronoUnit.DAYS), TestImages.jpeg(64, 48, 33));
        pair(before, front).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://stipple.io/problems/set-photos-mismatch"));
        pair(after, before).then().statusCode(422).body("type", equalTo("https://stipple.io/problems/set-photos-mismatch"));
        pair(before, UUID.randomUUID()).then().statusCode(422).body("type", equalTo("https://stipple.io/problems/photo-not-found"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"beforePhotoId\":\"" + before + "\"}")
                .post(SETS).then().statusCode(400).body("violations[0].field", equalTo("afterPhotoId"));
        createSet();
        pair(before, after).then().statusCode(409).body("type", equalTo("https://stipple.io/problems/set-exists"));
        // another clinic cannot pair this clinic's photos
        given().auth().oauth2(staff(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"beforePhotoId\":\"" + before + "\",\"afterPhotoId\":\"" + after + "\"}")
                .post(SETS).then().statusCode(422).body("type", equalTo("https://stipple.io/problems/photo-not-found"));
    }

    private Response pair(UUID b, UUID a) {
        return given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body("{\"beforePhotoId\":\"" + b + "\",\"afterPhotoId\":\"" + a + "\"}").post(SETS);
    }

    @Test
    void theCompositeRendersForStaffAndIsCachedAndAudited() {
        String id = createSet();
        Response first = given().auth().oauth2(staff).get(SETS + "/" + id + "/composite");
        first.then().statusCode(200).contentType("image/jpeg")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("inline; filename=\"set-" + id))
                .header("Cache-Control", "private, no-store");
        byte[] again = given().auth().oauth2(staff).get(SETS + "/" + id + "/composite").asByteArray();
        assertThat(again).isEqualTo(first.asByteArray()); // served from the cache, not re-rendered
        BufferedImage composite = ImageCodecs.decodeStoredJpeg(again);
        // 640x480 and 480x640 at height 800: 1067 + 600 wide plus three gutters of 16
        assertThat(composite.getWidth()).isEqualTo(1067 + 600 + 3 * 16);
        given().auth().oauth2(staff).get(SETS + "/" + id).then().header("ETag", "\"0\""); // viewing changes no version
        given().auth().oauth2(staff(UUID.randomUUID())).get(SETS + "/" + id + "/composite").then().statusCode(404);
        given().get(PUBLIC + "/" + id + "/images/composite").then().statusCode(404); // a draft is not public
    }

    @Test
    void publicFiltersAreValidated() {
        given().get(PUBLIC + "?stage=9").then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("stage"));
        given().get(PUBLIC + "?skinType=7").then().statusCode(400).body("violations[0].field", equalTo("skinType"));
        given().get(PUBLIC + "?treatmentType=LASER").then().statusCode(400).body("violations[0].field", equalTo("treatmentType"));
        given().get(PUBLIC + "?size=500").then().statusCode(400);
        given().get(PUBLIC + "/" + UUID.randomUUID() + "/images/side").then().statusCode(400);
        given().get(PUBLIC).then().statusCode(200).body("items.id", not(hasItem("x")));
    }
}
