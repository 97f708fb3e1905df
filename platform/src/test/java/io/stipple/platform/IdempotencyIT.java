package io.stipple.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stipple.platform.fixture.WidgetService;
import io.stipple.testinfra.DevTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class IdempotencyIT {

    @Inject
    WidgetService widgets;

    private static final String TOKEN = DevTokens.token("staff-1", UUID.fromString(PlatformTestInfra.CLINIC_A), "staff");

    private static Response post(String token, String key, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) request = request.header("Idempotency-Key", key);
        return request.post("/api/v1/widgets");
    }

    @Test
    void a_retry_with_the_same_key_returns_the_identical_response_and_creates_nothing_new() {
        String key = UUID.randomUUID().toString();
        String name = "idem-" + key;
        Response first = post(TOKEN, key, Map.of("name", name, "quantity", 2));
        Response retry = post(TOKEN, key, Map.of("name", name, "quantity", 2));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(widgets.count(UUID.fromString(PlatformTestInfra.CLINIC_A), name)).isEqualTo(1);
    }

    @Test
    void the_same_key_with_a_different_body_is_422() {
        String key = UUID.randomUUID().toString();
        post(TOKEN, key, Map.of("name", "first-body", "quantity", 1)).then().statusCode(201);
        post(TOKEN, key, Map.of("name", "second-body", "quantity", 1)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stipple.io/problems/idempotency-key-reused"));
    }

    @Test
    void keys_are_scoped_to_the_caller() {
        String key = UUID.randomUUID().toString();
        String other = DevTokens.token("staff-2", UUID.fromString(PlatformTestInfra.CLINIC_A), "staff");
        String name = "scoped-" + key;
        post(TOKEN, key, Map.of("name", name, "quantity", 1)).then().statusCode(201);
        post(other, key, Map.of("name", name, "quantity", 1)).then().statusCode(201).header("Idempotent-Replayed", (String) null);
        assertThat(widgets.count(UUID.fromString(PlatformTestInfra.CLINIC_A), name)).isEqualTo(2);
    }

    @Test
    void without_a_key_each_post_creates() {
        String name = "no-key-" + UUID.randomUUID();
        post(TOKEN, null, Map.of("name", name, "quantity", 1)).then().statusCode(201);
        post(TOKEN, null, Map.of("name", name, "quantity", 1)).then().statusCode(201);
        assertThat(widgets.count(UUID.fromString(PlatformTestInfra.CLINIC_A), name)).isEqualTo(2);
    }

    @Test
    void a_failed_first_attempt_frees_the_key_for_a_retry() {
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", "retry-after-failure", "quantity", 1))
                .post("/api/v1/widgets?fail=true").then().statusCode(500);
        post(TOKEN, key, Map.of("name", "retry-after-failure", "quantity", 1)).then().statusCode(201);
    }

    @Test
    void concurrent_duplicates_create_exactly_once() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "concurrent-" + key;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> post(TOKEN, key, Map.of("name", name, "quantity", 1)).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) statuses.add(f.get());
            assertThat(statuses).allMatch(s -> s == 201 || s == 409);
            assertThat(statuses).contains(201);
        } finally {
            pool.shutdown();
        }
        assertThat(widgets.count(UUID.fromString(PlatformTestInfra.CLINIC_A), name)).isEqualTo(1);
    }

    @Test
    void a_token_that_names_no_clinic_keeps_no_key_because_it_can_create_nothing_of_a_clinic() {
        String clientToken = DevTokens.builder().subject("client-7").roles("client").clientId(UUID.randomUUID()).sign();
        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(clientToken).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", "note", "quantity", 1)).post("/api/v1/widgets/notes");
        Response retry = given().auth().oauth2(clientToken).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", "note", "quantity", 1)).post("/api/v1/widgets/notes");
        // no clinic, no row it could ever read back under Row-Level Security: each request simply runs
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void a_malformed_key_is_400() {
        post(TOKEN, "x".repeat(300), Map.of("name", "bad-key", "quantity", 1)).then().statusCode(400)
                .contentType("application/problem+json");
    }
}
