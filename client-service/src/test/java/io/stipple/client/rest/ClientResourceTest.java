package io.stipple.client.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.stipple.client.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.stipple.client.Fixtures.PROBLEM;
import static io.stipple.client.Fixtures.as;
import static io.stipple.client.Fixtures.newClient;
import static io.stipple.client.Fixtures.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ClientResourceTest {

    @Test
    void registersAClientNormalisingEmailAndPhone() {
        Map<String, Object> body = newClient();
        String email = (String) body.get("email");
        body.put("email", email.toUpperCase());
        String expectedPhone = (String) body.get("phone");
        body.put("phone", "07912 " + expectedPhone.substring(7));
        as(staff()).body(body).post("/api/v1/clients")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .header("ETag", "\"0\"")
                .body("id", notNullValue())
                .body("clinicId", equalTo(Fixtures.CLINIC.toString()))
                .body("email", equalTo(email.toLowerCase()))
                .body("phone", equalTo(expectedPhone))
                .body("preferredChannels", equalTo(java.util.List.of("EMAIL", "SMS")))
                .body("version", equalTo(0));
    }

    @Test
    void readsAClientWithItsETag() {
        String id = Fixtures.createClient();
        as(staff()).get("/api/v1/clients/" + id)
                .then().statusCode(200).header("ETag", "\"0\"").body("id", equalTo(id)).body("sex", equalTo("MALE"));
    }

    @Test
    void aSecondClientWithTheSameEmailOrPhoneIsAConflictNamingTheExistingOne() {
        Map<String, Object> first = newClient();
        String id = Fixtures.createClient(first);

        Map<String, Object> sameEmail = newClient();
        sameEmail.put("email", ((String) first.get("email")).toUpperCase());
        as(staff()).body(sameEmail).post("/api/v1/clients")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "duplicate-client"))
                .body("existingClientId", equalTo(id))
                .body("field", equalTo("email"));

        Map<String, Object> samePhone = newClient();
        samePhone.put("phone", first.get("phone"));
        as(staff()).body(samePhone).post("/api/v1/clients")
                .then().statusCode(409).body("type", equalTo(PROBLEM + "duplicate-client"))
                .body("existingClientId", equalTo(id)).body("field", equalTo("phone"));

        // the same email in another clinic is another clinic's business
        as(Fixtures.otherClinicStaff()).body(sameEmail).post("/api/v1/clients").then().statusCode(201);
    }

    @Test
    void invalidContactDetailsAreRefusedNamingTheField() {
        Map<String, Object> badEmail = newClient();
        badEmail.put("email", "not-an-email");
        as(staff()).body(badEmail).post("/api/v1/clients").then().statusCode(400)
                .body("type", equalTo(PROBLEM + "validation-failed")).body("violations.field", hasItem("email"));

        Map<String, Object> badPhone = newClient();
        badPhone.put("phone", "12");
        as(staff()).body(badPhone).post("/api/v1/clients").then().statusCode(400)
                .body("type", equalTo(PROBLEM + "validation-failed")).body("violations.field", hasItem("phone"));

        Map<String, Object> badZone = newClient();
        badZone.put("timeZone", "Mars/Olympus");
        as(staff()).body(badZone).post("/api/v1/clients").then().statusCode(400)
                .body("violations.field", hasItem("timeZone"));

        Map<String, Object> badLocale = newClient();
        badLocale.put("locale", "!!");
        as(staff()).body(badLocale).post("/api/v1/clients").then().statusCode(400)
                .body("violations.field", hasItem("locale"));

        Map<String, Object> future = newClient();
        future.put("dateOfBirth", "2999-01-01");
        as(staff()).body(future).post("/api/v1/clients").then().statusCode(400)
                .body("violations.field", hasItem("dateOfBirth"));
    }

    @Test
    void updatesWithIfMatchAndRefusesAStaleOrMissingVersion() {
        Map<String, Object> body = newClient();
        String id = Fixtures.createClient(body);
        body.put("firstName", "Dan");
        body.put("marketingOptIn", true);

        as(staff()).body(body).put("/api/v1/clients/" + id).then().statusCode(428)
                .body("type", equalTo(PROBLEM + "precondition-required"));

        as(staff()).header("If-Match", "\"0\"").body(body).put("/api/v1/clients/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("firstName", equalTo("Dan"))
                .body("marketingOptIn", equalTo(true)).body("version", equalTo(1));

        body.put("firstName", "Danny");
        as(staff()).header("If-Match", "\"0\"").body(body).put("/api/v1/clients/" + id)
                .then().statusCode(412).body("type", equalTo(PROBLEM + "stale-version")).body("currentVersion", equalTo(1));
        as(staff()).get("/api/v1/clients/" + id).then().body("firstName", equalTo("Dan"));
    }

    /** What GET returns can be PUT back after changing a field: its read-only fields are not "unknown". */
    @Test
    void theRepresentationReadCanBePutBackWithAChange() {
        String id = Fixtures.createClient(newClient());
        var read = as(staff()).get("/api/v1/clients/" + id).then().statusCode(200).extract();
        Map<String, Object> body = new java.util.HashMap<>(read.jsonPath().getMap("$"));
        body.put("firstName", "Roundtrip");
        as(staff()).header("If-Match", read.header("ETag")).body(body).put("/api/v1/clients/" + id)
                .then().statusCode(200).body("firstName", equalTo("Roundtrip")).body("id", equalTo(id));
        // a field that is neither the client's nor read-only is still refused
        body.put("shoeSize", 44);
        as(staff()).header("If-Match", "\"1\"").body(body).put("/api/v1/clients/" + id).then().statusCode(400);
    }

    @Test
    void updateToAnotherClientsEmailIsAConflict() {
        Map<String, Object> a = newClient();
        String idA = Fixtures.createClient(a);
        Map<String, Object> b = newClient();
        String idB = Fixtures.createClient(b);
        b.put("email", a.get("email"));
        as(staff()).header("If-Match", "\"0\"").body(b).put("/api/v1/clients/" + idB)
                .then().statusCode(409).body("type", equalTo(PROBLEM + "duplicate-client"))
                .body("existingClientId", equalTo(idA));
    }

    @Test
    void listsAndSearchesByNameEmailAndPhonePaged() {
        Map<String, Object> body = newClient();
        String unique = "Zyx" + java.util.UUID.randomUUID().toString().substring(0, 6);
        body.put("lastName", unique);
        String id = Fixtures.createClient(body);

        as(staff()).queryParam("name", unique.toLowerCase()).get("/api/v1/clients")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(id))
                .body("totalItems", equalTo(1)).body("page", equalTo(0)).body("size", equalTo(20));
        as(staff()).queryParam("email", ((String) body.get("email")).toUpperCase()).get("/api/v1/clients")
                .then().statusCode(200).body("items.id", equalTo(java.util.List.of(id)));
        as(staff()).queryParam("phone", body.get("phone")).get("/api/v1/clients")
                .then().statusCode(200).body("items.id", equalTo(java.util.List.of(id)));
        as(staff()).queryParam("size", 1).queryParam("page", 0).get("/api/v1/clients")
                .then().statusCode(200).body("items", hasSize(1)).body("size", equalTo(1));
        as(staff()).queryParam("size", 500).get("/api/v1/clients")
                .then().statusCode(400).body("type", equalTo(PROBLEM + "validation-failed"));
        // another clinic's staff do not find it
        as(Fixtures.otherClinicStaff()).queryParam("name", unique).get("/api/v1/clients")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void listOrderIsStableOldestFirst() {
        String name = "Order" + java.util.UUID.randomUUID().toString().substring(0, 6);
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = newClient();
            body.put("firstName", name);
            ids.add(Fixtures.createClient(body));
        }
        as(staff()).queryParam("name", name).get("/api/v1/clients").then().statusCode(200).body("items.id", equalTo(ids));
        as(staff()).queryParam("name", name).queryParam("size", 2).queryParam("page", 1).get("/api/v1/clients")
                .then().body("items.id", equalTo(ids.subList(2, 3))).body("totalPages", equalTo(2));
    }

    @Test
    void simultaneousRegistrationsOfTheSameEmailGiveOneClientAndOneConflict() throws Exception {
        Map<String, Object> body = newClient();
        String token = staff();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return as(token).body(body).post("/api/v1/clients").statusCode();
                }));
            }
            start.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var result : results) statuses.add(result.get(30, java.util.concurrent.TimeUnit.SECONDS));
            org.assertj.core.api.Assertions.assertThat(statuses).containsOnly(201, 409);
            org.assertj.core.api.Assertions.assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        as(staff()).queryParam("email", body.get("email")).get("/api/v1/clients").then().body("totalItems", equalTo(1));
    }

    @Test
    void onlyStaffRegister() {
        as(Fixtures.partner(Fixtures.registerPartner("p-1"))).body(newClient()).post("/api/v1/clients").then().statusCode(403)
                .body("type", equalTo(PROBLEM + "forbidden"));
    }
}
