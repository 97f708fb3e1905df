package io.stipple.gallery.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.stipple.gallery.Fixtures;
import io.stipple.gallery.image.TestImages;
import io.stipple.testinfra.DevTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.stipple.gallery.Fixtures.PHOTOS;
import static io.stipple.gallery.Fixtures.SETS;
import static io.stipple.gallery.Fixtures.client;
import static io.stipple.gallery.Fixtures.clinicalConsent;
import static io.stipple.gallery.Fixtures.staff;
import static io.stipple.gallery.Fixtures.uploaded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** gallery-service's part of the GDPR export: GET /api/v1/gallery/client-exports/{clientId}. */
@QuarkusTest
class ClientExportResourceTest {

    static final String PROBLEM = "application/problem+json";

    UUID clinic;
    UUID clientId;
    String staff;
    Instant takenAt;

    @BeforeEach
    void setUp() {
        clinic = UUID.randomUUID();
        clientId = UUID.randomUUID();
        staff = staff(clinic);
        takenAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        clinicalConsent(clinic, clientId);
    }

    private static String path(UUID clientId) {
        return "/api/v1/gallery/client-exports/" + clientId;
    }

    @Test
    void theClientAndTheClinicsStaffGetTheProfilePhotosSetsAndAccessLogOfTheClientOnly() {
        UUID before = uploaded(staff, clientId, "BEFORE", "FRONT", takenAt.minus(30, ChronoUnit.DAYS), TestImages.jpeg(600, 400, 71));
        UUID after = uploaded(staff, clientId, "HEALED", "FRONT", takenAt, TestImages.jpeg(600, 400, 72));
        String setId = given().auth().oauth2(staff).contentType("application/json")
                .body(Map.of("beforePhotoId", before.toString(), "afterPhotoId", after.toString()))
                .post(SETS).then().statusCode(201).extract().path("id");
        // the client looks at their own photo: an audited access
        given().auth().oauth2(client(clinic, clientId)).get(PHOTOS + "/" + before + "/content?rendition=display")
                .then().statusCode(200);
        // another client of the clinic, with a photo of their own
        UUID other = UUID.randomUUID();
        clinicalConsent(clinic, other);
        UUID othersPhoto = uploaded(staff, other, "BEFORE", "FRONT", takenAt, TestImages.jpeg(600, 400, 73));

        String export = given().auth().oauth2(client(clinic, clientId)).get(path(clientId)).then().statusCode(200)
                .contentType("application/json")
                .body("clientId", equalTo(clientId.toString()))
                .body("clinicId", equalTo(clinic.toString()))
                .body("exportedAt", notNullValue())
                .body("profile.clinicalPhotosConsent", equalTo(true))
                .body("profile.publicGalleryConsent", equalTo(false))
                .body("photos.id", equalTo(List.of(before.toString(), after.toString())))
                .body("photos.phase", equalTo(List.of("BEFORE", "HEALED")))
                .body("photos[0].contentPath", equalTo(PHOTOS + "/" + before + "/content?rendition=full"))
                .body("photos[0].uploadSha256", notNullValue())
                .body("photos[0].width", equalTo(600))
                .body("sets.id", equalTo(List.of(setId)))
                .body("sets[0].status", equalTo("DRAFT"))
                .body("accessLog.action", hasItem("STREAMED"))
                .body("accessLog.find { it.action == 'STREAMED' }.photoId", equalTo(before.toString()))
                .body("accessLog.find { it.action == 'STREAMED' }.actorRole", equalTo("client"))
                .extract().asString();
        assertThat(export).doesNotContain(other.toString()).doesNotContain(othersPhoto.toString());

        given().auth().oauth2(staff).get(path(clientId)).then().statusCode(200)
                .body("photos.id", equalTo(List.of(before.toString(), after.toString())));
        given().auth().oauth2(Fixtures.admin(clinic)).get(path(clientId)).then().statusCode(200)
                .body("sets.id", equalTo(List.of(setId)));
        // the path it names streams the full-size image
        given().auth().oauth2(client(clinic, clientId)).get(PHOTOS + "/" + after + "/content?rendition=full")
                .then().statusCode(200).contentType("image/jpeg");
    }

    @Test
    void anotherClinicAnotherClientAPartnerAnUnknownAndAnErasedClientGetNothing() {
        uploaded(staff, clientId, "BEFORE", "FRONT", takenAt, TestImages.jpeg(320, 240, 74));
        given().auth().oauth2(staff).get(path(clientId)).then().statusCode(200);

        UUID otherClinic = UUID.randomUUID();
        given().auth().oauth2(staff(otherClinic)).get(path(clientId)).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://stipple.io/problems/not-found"));
        given().auth().oauth2(client(otherClinic, clientId)).get(path(clientId)).then().statusCode(404);
        given().auth().oauth2(client(clinic, UUID.randomUUID())).get(path(clientId)).then().statusCode(404);
        given().auth().oauth2(DevTokens.builder().subject("partner-x").clinic(clinic).roles("partner").partnerId("partner-x").sign())
                .get(path(clientId)).then().statusCode(403);
        given().get(path(clientId)).then().statusCode(401);
        given().auth().oauth2(staff).get(path(UUID.randomUUID())).then().statusCode(404).contentType(PROBLEM);

        Fixtures.sendClientEvent("ClientErased", clinic, clientId, d -> d.put("erasedAt", Instant.now().toString()));
        Fixtures.awaitProfile(clinic, clientId, p -> p.erased());
        given().auth().oauth2(staff).get(path(clientId)).then().statusCode(404);
    }
}
