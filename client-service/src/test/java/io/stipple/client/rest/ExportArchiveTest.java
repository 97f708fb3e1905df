package io.stipple.client.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.stipple.client.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static io.stipple.client.Fixtures.PROBLEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GDPR export across the four services: GET /api/v1/clients/{id}/export/archive gathers the other services' parts
 * (here {@link FakeExportParts}, a real HTTP server) with the caller's token, and never hands out an archive that
 * lacks a part.
 */
@QuarkusTest
@QuarkusTestResource(FakeExportParts.class)
class ExportArchiveTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOOKING = "/api/v1/bookings/client-exports/";
    private static final String GALLERY = "/api/v1/gallery/client-exports/";
    private static final String NOTIFICATION = "/api/v1/notifications/client-exports/";

    private String clientId;
    private UUID photo;
    private byte[] jpeg;

    @BeforeEach
    void setUp() {
        FakeExportParts.reset();
        clientId = Fixtures.readyClient();
        photo = UUID.randomUUID();
        jpeg = new byte[4096];
        new Random(7).nextBytes(jpeg);
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        FakeExportParts.json(BOOKING + clientId, "{\"clientId\":\"" + clientId + "\",\"bookings\":[{\"id\":\"booking-of-" + clientId + "\"}]}");
        FakeExportParts.json(GALLERY + clientId, "{\"clientId\":\"" + clientId + "\",\"photos\":[{\"id\":\"" + photo + "\"}]}");
        FakeExportParts.json(NOTIFICATION + clientId, "{\"clientId\":\"" + clientId + "\",\"reminders\":[{\"entry\":{\"type\":\"APPOINTMENT_REMINDER\"}}]}");
        FakeExportParts.bytes("/api/v1/gallery/photos/" + photo + "/content", "image/jpeg", jpeg);
    }

    private String path() {
        return "/api/v1/clients/" + clientId + "/export/archive";
    }

    @Test
    void theClientGetsOneArchiveWithEveryServicesPartThePhotosAndAManifestThatChecksThem() throws Exception {
        String token = Fixtures.client(clientId);
        Response response = given().auth().oauth2(token).header("X-Correlation-Id", "export-archive-test-1").get(path());
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/zip");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"stipple-export-" + clientId + ".zip\"");
        Map<String, byte[]> files = unzip(response.asByteArray());
        assertThat(files).containsOnlyKeys("manifest.json", "client-service.json", "booking-service.json",
                "gallery-service.json", "notification-service.json", "photos/" + photo + ".jpg");

        JsonNode own = JSON.readTree(files.get("client-service.json"));
        String email = Fixtures.as(Fixtures.staff()).get("/api/v1/clients/" + clientId).then().extract().path("email");
        assertThat(own.at("/client/id").asText()).isEqualTo(clientId);
        assertThat(own.at("/client/email").asText()).isEqualTo(email);
        assertThat(own.path("accessLog").findValuesAsText("action")).contains("EXPORT");
        assertThat(new String(files.get("booking-service.json"), StandardCharsets.UTF_8)).contains("booking-of-" + clientId);
        assertThat(files.get("photos/" + photo + ".jpg")).isEqualTo(jpeg);

        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertThat(manifest.path("format").asText()).isEqualTo("stipple-client-export/1");
        assertThat(manifest.path("clientId").asText()).isEqualTo(clientId);
        assertThat(manifest.path("clinicId").asText()).isEqualTo(Fixtures.CLINIC.toString());
        assertThat(manifest.path("generatedAt").asText()).isNotBlank();
        assertThat(manifest.path("complete").asBoolean()).isTrue();
        assertThat(manifest.path("services").findValuesAsText("service"))
                .containsExactly("client-service", "booking-service", "gallery-service", "notification-service");
        for (JsonNode service : manifest.path("services")) {
            assertThat(service.path("status").asText()).as(service.toString()).isEqualTo("INCLUDED");
            assertThat(service.path("description").asText()).as(service.toString()).isNotBlank();
            byte[] file = files.get(service.path("file").asText());
            assertThat(service.path("sha256").asText()).as(service.toString()).isEqualTo(sha256(file));
            assertThat(service.path("bytes").asInt()).isEqualTo(file.length);
        }
        JsonNode photoEntry = manifest.path("photos").get(0);
        assertThat(photoEntry.path("photoId").asText()).isEqualTo(photo.toString());
        assertThat(photoEntry.path("file").asText()).isEqualTo("photos/" + photo + ".jpg");
        assertThat(photoEntry.path("sha256").asText()).isEqualTo(sha256(jpeg));
        assertThat(photoEntry.path("mediaType").asText()).isEqualTo("image/jpeg");

        // each service was asked as the caller, with the request's correlation id; the photo at full size
        List<FakeExportParts.Seen> seen = FakeExportParts.seen();
        assertThat(seen).extracting(FakeExportParts.Seen::path).containsExactlyInAnyOrder(BOOKING + clientId,
                GALLERY + clientId, NOTIFICATION + clientId, "/api/v1/gallery/photos/" + photo + "/content");
        assertThat(seen).allSatisfy(s -> {
            assertThat(s.authorization()).isEqualTo("Bearer " + token);
            assertThat(s.correlationId()).isEqualTo("export-archive-test-1");
        });
        assertThat(seen).filteredOn(s -> s.path().endsWith("/content")).extracting(FakeExportParts.Seen::query)
                .containsExactly("rendition=full");
    }

    @Test
    void staffAndAdminsOfTheClinicGetItAServiceHoldingNothingSaysSo() throws Exception {
        FakeExportParts.status(NOTIFICATION + clientId, 404);
        FakeExportParts.json(GALLERY + clientId, "{\"clientId\":\"" + clientId + "\",\"photos\":[]}");
        Response response = given().auth().oauth2(Fixtures.staff()).get(path());
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        Map<String, byte[]> files = unzip(response.asByteArray());
        assertThat(files).containsOnlyKeys("manifest.json", "client-service.json", "booking-service.json",
                "gallery-service.json", "notification-service.json");
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        Map<String, String> statuses = new LinkedHashMap<>();
        manifest.path("services").forEach(s -> statuses.put(s.path("service").asText(), s.path("status").asText()));
        assertThat(statuses).containsEntry("notification-service", "NOTHING_HELD").containsEntry("booking-service", "INCLUDED");
        JsonNode nothing = JSON.readTree(files.get("notification-service.json"));
        assertThat(nothing.path("nothingHeld").asBoolean()).isTrue();
        assertThat(nothing.path("clientId").asText()).isEqualTo(clientId);
        assertThat(manifest.path("photos")).isEmpty();

        given().auth().oauth2(Fixtures.admin()).get(path()).then().statusCode(200).contentType("application/zip");
    }

    @Test
    void nobodyElseGetsItAndTheOtherServicesAreNotEvenAsked() {
        given().auth().oauth2(Fixtures.otherClinicStaff()).get(path()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Fixtures.otherClinicAdmin()).get(path()).then().statusCode(404);
        given().auth().oauth2(Fixtures.client(Fixtures.createClient())).get(path()).then().statusCode(404);
        String partner = Fixtures.registerPartner(Fixtures.newPartnerId());
        Fixtures.share(clientId, partner);
        given().auth().oauth2(Fixtures.partner(partner)).get(path()).then().statusCode(403);
        given().get(path()).then().statusCode(401);
        given().auth().oauth2(Fixtures.staff()).get("/api/v1/clients/" + UUID.randomUUID() + "/export/archive")
                .then().statusCode(404);
        assertThat(FakeExportParts.seen()).isEmpty();
    }

    @Test
    void aServiceAnswering5xxMeans503WithRetryAfterAndNoArchive() {
        FakeExportParts.status(GALLERY + clientId, 500);
        given().auth().oauth2(Fixtures.client(clientId)).get(path()).then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "17")
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEM + "export-unavailable"))
                .body("service", org.hamcrest.Matchers.equalTo("gallery-service"));
        // the client-service part is not taken (nor audited as exported) when another part is missing
        List<String> actions = Fixtures.as(Fixtures.admin()).get("/api/v1/clients/" + clientId + "/audit?size=100")
                .then().statusCode(200).extract().path("items.action");
        assertThat(actions).doesNotContain("EXPORT");
    }

    @Test
    void aStalledServiceMeans503AfterTheTimeout() {
        CountDownLatch hold = new CountDownLatch(1);
        FakeExportParts.stall(BOOKING + clientId, hold);
        try {
            long started = System.nanoTime();
            given().auth().oauth2(Fixtures.staff()).get(path()).then().statusCode(503)
                    .header("Retry-After", "17")
                    .body("type", org.hamcrest.Matchers.equalTo(PROBLEM + "export-unavailable"))
                    .body("service", org.hamcrest.Matchers.equalTo("booking-service"));
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(15_000);
        } finally {
            hold.countDown();
        }
    }

    @Test
    void aPhotoThatCannotBeFetchedMeans503() {
        FakeExportParts.status("/api/v1/gallery/photos/" + photo + "/content", 502);
        given().auth().oauth2(Fixtures.staff()).get(path()).then().statusCode(503)
                .header("Retry-After", "17")
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEM + "export-unavailable"));
        FakeExportParts.status("/api/v1/gallery/photos/" + photo + "/content", 404);
        given().auth().oauth2(Fixtures.staff()).get(path()).then().statusCode(503);
    }

    @Test
    void aPartThatIsNotTheServicesExportOfThisClientIsRefused() {
        FakeExportParts.json(BOOKING + clientId, "{\"clientId\":\"" + UUID.randomUUID() + "\"}");
        given().auth().oauth2(Fixtures.staff()).get(path()).then().statusCode(502)
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEM + "export-part-refused"))
                .body("service", org.hamcrest.Matchers.equalTo("booking-service"));
        FakeExportParts.status(BOOKING + clientId, 403);
        given().auth().oauth2(Fixtures.staff()).get(path()).then().statusCode(502);
    }

    @Test
    void theOperationIsDescribedWithWhoMayCallItAndItsFailures() {
        String op = "paths.'/api/v1/clients/{clientId}/export/archive'.get";
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(op + ".x-stipple-access", org.hamcrest.Matchers.equalTo("admin staff self"))
                .body(op + ".responses.'200'.content", org.hamcrest.Matchers.hasKey("application/zip"))
                .body(op + ".responses.'503'.content", org.hamcrest.Matchers.hasKey("application/problem+json"))
                .body(op + ".responses.'503'.headers", org.hamcrest.Matchers.hasKey("Retry-After"));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
