package io.stipple.gallery.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stipple.gallery.Fixtures;
import io.stipple.gallery.image.ImagePipeline;
import io.stipple.gallery.image.JpegSegments;
import io.stipple.gallery.image.TestImages;
import io.stipple.gallery.storage.LocalObjectStorage;
import io.stipple.gallery.storage.ObjectStorage;
import io.stipple.testinfra.MutableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static io.stipple.gallery.Fixtures.PHOTOS;
import static io.stipple.gallery.Fixtures.admin;
import static io.stipple.gallery.Fixtures.client;
import static io.stipple.gallery.Fixtures.clinicalConsent;
import static io.stipple.gallery.Fixtures.staff;
import static io.stipple.gallery.Fixtures.upload;
import static io.stipple.gallery.Fixtures.uploadRequest;
import static io.stipple.gallery.Fixtures.uploaded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class PhotoResourceTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    ObjectStorage storage;

    @Inject
    MutableClock clock;

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

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void jpegWithGpsExifIsStoredAndServedWithoutAnyMetadataAndUpright() throws IOException {
        byte[] upload = TestImages.withGpsExif(TestImages.jpeg(600, 400, 11), 6);
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("Exif", "StippleCam");

        // named and declared as a PNG: the content decides
        Response created = given().auth().oauth2(staff)
                .multiPart("clientId", clientId.toString())
                .multiPart("phase", "BEFORE")
                .multiPart("angle", "CROWN")
                .multiPart("takenAt", takenAt.toString())
                .multiPart("file", "scalp.png", upload, "image/png")
                .post(PHOTOS);
        created.then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/gallery/photos/"))
                .header("ETag", "\"0\"")
                .body("sourceFormat", equalTo("JPEG"))
                .body("width", equalTo(400))
                .body("height", equalTo(600))
                .body("clientId", equalTo(clientId.toString()))
                .body("phase", equalTo("BEFORE"))
                .body("angle", equalTo("CROWN"));
        String id = created.path("id");

        for (String rendition : List.of("full", "display", "thumbnail")) {
            Response content = given().auth().oauth2(staff).get(PHOTOS + "/" + id + "/content?rendition=" + rendition);
            content.then().statusCode(200)
                    .contentType("image/jpeg")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Disposition", startsWith("inline; filename=\"photo-" + id))
                    .header("Cache-Control", "private, no-store");
            byte[] bytes = content.asByteArray();
            assertNoMetadata(bytes);
            BufferedImage image = io.stipple.gallery.image.ImageCodecs.decodeStoredJpeg(bytes);
            assertThat(image.getHeight()).isGreaterThan(image.getWidth()); // orientation 6 applied
        }

        // nothing with metadata was written to storage either
        Path root = ((LocalObjectStorage) storage).root();
        try (Stream<Path> files = Files.walk(root.resolve("clinics/" + clinic))) {
            List<Path> stored = files.filter(Files::isRegularFile).toList();
            assertThat(stored).hasSize(3);
            for (Path file : stored) {
                assertNoMetadata(Files.readAllBytes(file));
            }
        }
    }

    static void assertNoMetadata(byte[] jpeg) {
        assertThat(JpegSegments.headerSegments(jpeg)).noneMatch(JpegSegments.Segment::isAppOrComment);
        assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).doesNotContain("Exif", "StippleCam", "JFIF");
        assertThat(JpegSegments.orientation(jpeg)).isEqualTo(1);
    }

    @Test
    void refusesWhatIsNotPlainlyAnImageWithProblemDetails() {
        assertRefused(TestImages.svg(), 415, "unsupported-image-type");
        assertRefused(TestImages.htmlJpegPolyglot(), 422, "image-active-content");
        assertRefused(TestImages.jpegWithHtmlTrailer(), 422, "image-active-content");
        assertRefused(TestImages.truncatedJpeg(), 422, "image-unreadable");
        assertRefused(TestImages.pngBomb(30_000, 30_000), 422, "image-dimensions-too-large");
        assertRefused(TestImages.jpegBomb(30_000, 30_000), 422, "image-dimensions-too-large");
        // nothing was stored for any of them
        given().auth().oauth2(staff).get(PHOTOS + "?clientId=" + clientId).then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void aSixteenBitPngNeedingMoreThanTheDecodeMemoryIs422WhileTheSameSizeAtEightBitsIsStored() {
        // the tests run with gallery.upload.decode-memory=72M; at 4000 × 2000 decoding outweighs rendering, so the
        // 16-bit samples (6 bytes a pixel instead of 3) decide
        long decodeMemory = 72L * 1024 * 1024;
        byte[] sixteen = TestImages.png16(4000, 2000, false);
        byte[] eight = TestImages.png8(4000, 2000);
        ImagePipeline sizing = new ImagePipeline(new ImagePipeline.Settings(2L * 1024 * 1024, 60_000_000L, 12_000,
                1600, 320, 0.9f, 0.85f, 0.8f));
        assertThat(sizing.memoryNeed(sixteen).total()).isGreaterThan(decodeMemory);
        assertThat(sizing.memoryNeed(eight).total()).isLessThan(decodeMemory);

        upload(staff, clientId, "BEFORE", "FRONT", takenAt, sixteen).then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo("https://stipple.io/problems/image-dimensions-too-large"))
                .body("detail", containsString("4000 × 2000 pixels at 48 bits a pixel"))
                .body("detail", containsString("more than the 72.0 MB this instance may use for decoding images"))
                .body("bitsPerPixel", equalTo(48))
                .body("decodeMemoryBytes", equalTo((int) decodeMemory));
        uploaded(staff, clientId, "BEFORE", "FRONT", takenAt, eight);
        given().auth().oauth2(staff).get(PHOTOS + "?clientId=" + clientId).then().statusCode(200).body("totalItems", equalTo(1));
    }

    private void assertRefused(byte[] file, int status, String slug) {
        upload(staff, clientId, "BEFORE", "FRONT", takenAt, file).then()
                .statusCode(status)
                .contentType(PROBLEM)
                .body("type", equalTo("https://stipple.io/problems/" + slug))
                .body("status", equalTo(status));
    }

    @Test
    void oversizedUploadsAreRefusedWith413ProblemDetails() {
        // over the 2 MB test limit but within the HTTP body limit: refused by the resource
        byte[] big = new byte[2 * 1024 * 1024 + 10];
        System.arraycopy(TestImages.jpeg(32, 32, 1), 0, big, 0, 100);
        upload(staff, clientId, "BEFORE", "FRONT", takenAt, big).then()
                .statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("https://stipple.io/problems/payload-too-large"));
        // over the HTTP body limit: refused from Content-Length before the body is read
        byte[] huge = new byte[4 * 1024 * 1024];
        String boundary = "stipple" + UUID.randomUUID();
        java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
        for (String[] field : new String[][]{{"clientId", clientId.toString()}, {"phase", "BEFORE"}, {"angle", "FRONT"},
                {"takenAt", takenAt.toString()}}) {
            form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.writeBytes(huge);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(staff).contentType("multipart/form-data; boundary=" + boundary).body(form.toByteArray())
                .post(PHOTOS).then()
                .statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("https://stipple.io/problems/payload-too-large"))
                .body("maxBytes", equalTo(2 * 1024 * 1024));
    }

    @Test
    void badFormFieldsAre400WithTheFieldNamed() {
        byte[] jpeg = TestImages.jpeg(40, 30, 12);
        given().auth().oauth2(staff)
                .multiPart("clientId", clientId.toString())
                .multiPart("angle", "FRONT")
                .multiPart("takenAt", takenAt.toString())
                .multiPart("file", "a.jpg", jpeg, "image/jpeg")
                .post(PHOTOS)
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://stipple.io/problems/validation-failed"))
                .body("violations[0].field", equalTo("phase"));
        upload(staff, clientId, "BEFORE", "SIDEWAYS", takenAt, jpeg).then().statusCode(400)
                .body("violations[0].field", equalTo("angle"));
        upload(staff, clientId, "BEFORE", "FRONT", Instant.now().plus(1, ChronoUnit.DAYS), jpeg).then().statusCode(400)
                .body("violations[0].field", equalTo("takenAt"));
        given().auth().oauth2(staff).multiPart("clientId", clientId.toString()).multiPart("phase", "BEFORE")
                .multiPart("angle", "FRONT").multiPart("takenAt", takenAt.toString())
                .post(PHOTOS).then().statusCode(400).body("violations[0].field", equalTo("file"));
    }

    @Test
    void uploadNeedsClinicalPhotosConsent() {
        UUID noConsent = UUID.randomUUID();
        Fixtures.registered(clinic, noConsent);
        upload(staff, noConsent, "BEFORE", "FRONT", takenAt, TestImages.jpeg(40, 30, 13)).then()
                .statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://stipple.io/problems/clinical-photos-consent-required"));
    }

    @Test
    void uploadForAClientTheClinicDoesNotKnowIs422UnknownClient() {
        // a random id: nobody ever registered it anywhere
        upload(staff, UUID.randomUUID(), "BEFORE", "FRONT", takenAt, TestImages.jpeg(40, 30, 23)).then()
                .statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://stipple.io/problems/unknown-client"))
                .body("field", equalTo("clientId"));
        // staff of clinic B upload for clinic A's client (known, consenting in A): B does not know that client
        UUID clinicB = UUID.randomUUID();
        upload(staff(clinicB), clientId, "BEFORE", "FRONT", takenAt, TestImages.jpeg(40, 30, 24)).then()
                .statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://stipple.io/problems/unknown-client"));
        upload(admin(clinicB), clientId, "BEFORE", "FRONT", takenAt, TestImages.jpeg(40, 30, 25)).then()
                .statusCode(422).body("type", equalTo("https://stipple.io/problems/unknown-client"));
        // nothing was stored in either clinic, and A's profile of the client is untouched
        given().auth().oauth2(staff(clinicB)).get(PHOTOS).then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(staff).get(PHOTOS + "?clientId=" + clientId).then().statusCode(200).body("totalItems", equalTo(0));
        assertThat(Fixtures.profile(clinicB, clientId)).isNull();
    }

    @Test
    void anotherClinicsConsentForTheSameClientIdNeverTouchesThisClinicsProfile() {
        // clinic B's client-service emits events for an id that is also clinic A's client: separate profiles
        UUID clinicB = UUID.randomUUID();
        Fixtures.consent(clinicB, clientId, "PUBLIC_GALLERY", true);
        Fixtures.awaitProfile(clinicB, clientId, p -> p.publicGalleryConsent);
        Fixtures.consent(clinicB, clientId, "CLINICAL_PHOTOS", false);
        Fixtures.awaitProfile(clinicB, clientId, p -> p.clinicalPhotosConsentAt != null && !p.clinicalPhotosConsent);
        assertThat(Fixtures.profile(clinic, clientId).clinicalPhotosConsent).isTrue();
        assertThat(Fixtures.profile(clinic, clientId).publicGalleryConsent).isFalse();
        uploaded(staff, clientId, "BEFORE", "FRONT", takenAt, TestImages.jpeg(40, 30, 26));
    }

    @Test
    void exactDuplicateOfTheSameClientsPhotoIsRefused() {
        byte[] jpeg = TestImages.jpeg(80, 60, 14);
        UUID first = uploaded(staff, clientId, "BEFORE", "FRONT", takenAt, jpeg);
        upload(staff, clientId, "AFTER", "TOP", takenAt, jpeg).then()
                .statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://stipple.io/problems/duplicate-photo"))
                .body("existingPhotoId", equalTo(first.toString()));
    }

    @Test
    void idempotencyKeyReplaysTheFirstUpload() {
        byte[] jpeg = TestImages.jpeg(80, 60, 15);
        String key = UUID.randomUUID().toString();
        String first = uploadRequest(staff, clientId, "BEFORE", "FRONT", takenAt, jpeg).header("Idempotency-Key", key)
                .post(PHOTOS).then().statusCode(201).extract().path("id");
        uploadRequest(staff, clientId, "BEFORE", "FRONT", takenAt, jpeg).header("Idempotency-Key", key)
                .post(PHOTOS).then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
    }

    @Test
    void anotherClinicsStaffGet404ForEverything() {
        UUID id = uploaded(staff, clientId, "BEFORE", "FRONT", takenAt, TestImages.jpeg(80, 60, 16));
        String other = staff(UUID.randomUUID());
        String otherAdmin = admin(UUID.randomUUID());
        given().auth().oauth2(other).get(PHOTOS + "/" + id).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://stipple.io/problems/not-found"));
        given().auth().oauth2(other).get(PHOTOS + "/" + id + "/content").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(other).get(PHOTOS + "/" + id + "/signed-link").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(otherAdmin).delete(PHOTOS + "/" + id).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(other).get(PHOTOS + "?clientId=" + clientId).then().statusCode(200).body("totalItems", equalTo(0));
        // and uploading for a client of another clinic is refused: that clinic does not know the client
        upload(other, clientId, "AFTER", "FRONT", takenAt, TestImages.jpeg(80, 60, 17)).then().statusCode(422)
                .body("type", equalTo("https://stipple.io/problems/unknown-client"));
        given().auth().oauth2(staff).get(PHOTOS + "/" + id).then().statusCode(200);
    }

    @Test
    void aClientSeesOnlyTheirOwnPhotosAndUploadsOnlyWhereTheClinicAllows() {
        UUID mine = uploaded(staff, clientId, "BEFORE", "FRONT", takenAt, TestImages.jpeg(80, 60, 18));
        UUID otherClient = UUID.randomUUID();
        clinicalConsent(clinic, otherClient);
        UUID theirs = uploaded(staff, otherClient, "BEFORE", "FRONT", takenAt, TestImages.jpeg(80, 60, 19));
        String me = client(clinic, clientId);

        given().auth().oauth2(me).get(PHOTOS + "/" + mine).then().statusCode(200);
        given().auth().oauth2(me).get(PHOTOS + "/" + mine + "/content").then().statusCode(200);
        given().auth().oauth2(me).get(PHOTOS + "/" + theirs).then().statusCode(404);
        given().auth().oauth2(me).get(PHOTOS + "/" + theirs + "/content").then().statusCode(404);
        given().auth().oauth2(me).get(PHOTOS).then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(mine.toString()));
        given().auth().oauth2(me).delete(PHOTOS + "/" + mine).then().statusCode(403);

        byte[] selfie = TestImages.jpeg(80, 60, 20);
        upload(me, clientId, "HEALED", "FRONT", takenAt, selfie).then().statusCode(403)
                .body("type", equalTo("https://stipple.io/problems/client-uploads-disabled"));
        String admin = admin(clinic);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"clientUploadsAllowed\":true}")
                .put("/api/v1/gallery/settings").then().statusCode(428);
        given().auth().oauth2(admin).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"clientUploadsAllowed\":true}")
                .put("/api/v1/gallery/settings").then().statusCode(200).body("clientUploadsAllowed", equalTo(true));
        upload(me, clientId, "HEALED", "FRONT", takenAt, selfie).then().statusCode(201);
        upload(me, otherClient, "HEALED", "FRONT", takenAt, TestImages.jpeg(80, 60, 21)).then().statusCode(403)
                .body("type", equalTo("https://stipple.io/problems/forbidden"));
    }

    @Test
    void signedLinksWorkWithoutATokenUntilTheyExpireAndEveryAccessIsAudited() {
        UUID id = uploaded(staff, clientId, "BEFORE", "HAIRLINE", takenAt, TestImages.jpeg(80, 60, 22));
        given().auth().oauth2(staff).get(PHOTOS + "/" + id + "/content").then().statusCode(200);

        Response link = given().auth().oauth2(staff).get(PHOTOS + "/" + id + "/signed-link?rendition=thumbnail&ttlSeconds=60");
        link.then().statusCode(200).header("Cache-Control", "no-store").body("expiresAt", notNullValue());
        String url = link.path("url");
        // the link carries no token: it names the clinic it was signed for, and the signature covers it
        assertThat(url).startsWith("/api/v1/gallery/files/" + id + "?clinic=" + clinic + "&rendition=thumbnail&expires=");

        given().get(url).then().statusCode(200).contentType("image/jpeg")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", startsWith("inline; filename="));
        given().get(url.replace("rendition=thumbnail", "rendition=full")).then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("https://stipple.io/problems/link-invalid"));
        String tampered = url.substring(0, url.length() - 3) + (url.endsWith("AAA") ? "BBB" : "AAA");
        given().get(tampered).then().statusCode(403).body("type", equalTo("https://stipple.io/problems/link-invalid"));
        given().get(url.replace("clinic=" + clinic, "clinic=" + UUID.randomUUID())).then().statusCode(403)
                .contentType(PROBLEM).body("type", equalTo("https://stipple.io/problems/link-invalid"));
        given().get(url.replace("clinic=" + clinic + "&", "")).then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("clinic"));
        given().get("/api/v1/gallery/files/" + id + "?expires=abc&link=x&sig=y").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(staff).get(PHOTOS + "/" + id + "/signed-link?ttlSeconds=100000").then().statusCode(400)
                .body("violations[0].field", equalTo("ttlSeconds"));

        clock.set(Instant.now().plus(Duration.ofMinutes(2)));
        given().get(url).then().statusCode(403).body("type", equalTo("https://stipple.io/problems/link-expired"));
        clock.reset();

        given().auth().oauth2(admin(clinic)).get(PHOTOS + "/" + id + "/access-log").then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.action", equalTo(List.of("STREAMED", "LINK_ISSUED", "LINK_OPENED")))
                .body("items[1].actor", startsWith("staff-"))
                .body("items[2].actor", startsWith("signed-link:staff-"))
                .body("items[1].rendition", equalTo("THUMBNAIL"));
        given().auth().oauth2(staff).get(PHOTOS + "/" + id + "/access-log").then().statusCode(403);
        given().auth().oauth2(admin(UUID.randomUUID())).get(PHOTOS + "/" + id + "/access-log").then().statusCode(404)
                .contentType(PROBLEM);

        // deleting the photo kills the link and removes the objects
        given().auth().oauth2(staff).delete(PHOTOS + "/" + id).then().statusCode(204);
        given().get(url).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(staff).get(PHOTOS + "/" + id).then().statusCode(404);
    }

    @Test
    void withoutATokenPrivateEndpointsAre401() {
        given().get(PHOTOS).then().statusCode(401).contentType(PROBLEM);
        given().get(PHOTOS + "/" + UUID.randomUUID() + "/content").then().statusCode(401);
        upload("not-a-token", clientId, "BEFORE", "FRONT", takenAt, TestImages.jpeg(8, 8, 1)).then().statusCode(401);
    }
}
