package io.stipple.testinfra.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The typed client against a stand-in HTTP server: what it sends, how it reads answers and refusals. */
class StippleApiTest {

    record Seen(String method, String uri, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private Function<Seen, Answer> answers;
    private StippleApi api;

    record Answer(int status, String contentType, String body, Map<String, String> headers) {
        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, Map.of());
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        api = StippleApi.connect(new StippleApi.Endpoints(base, base, base, base)).as("t0ken");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders(), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        seen.add(request);
        Answer answer = answers.apply(request);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Test
    void a_refusal_is_an_api_problem_with_status_type_and_detail() {
        answers = r -> new Answer(422, "application/problem+json", """
                {"type":"https://stipple.io/problems/unknown-client","title":"Unknown client","status":422,
                 "detail":"booking-service does not know client 42 yet"}""", Map.of());

        assertThatThrownBy(() -> api.booking().book(new BookingApi.NewBooking(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), java.time.Instant.parse("2026-03-02T09:00:00Z")), "b1"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.type()).isEqualTo("https://stipple.io/problems/unknown-client");
                    assertThat(p.title()).isEqualTo("Unknown client");
                    assertThat(p.detail()).isEqualTo("booking-service does not know client 42 yet");
                    assertThat(p.is("unknown-client")).isTrue();
                    assertThat(p.is("client")).isFalse();
                    assertThat(p.getMessage()).startsWith("POST booking-service/api/v1/bookings -> 422");
                });
    }

    @Test
    void an_error_without_problem_details_is_still_an_api_problem_and_no_answer_is_an_io_failure() {
        answers = r -> new Answer(502, "text/plain", "bad gateway", Map.of());
        assertThatThrownBy(() -> api.clients().consents(UUID.randomUUID()))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(502);
                    assertThat(p.type()).isNull();
                });

        server.stop(0);
        assertThatThrownBy(() -> api.clients().consents(UUID.randomUUID())).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("GET client-service/api/v1/clients/");
    }

    @Test
    void requests_carry_the_token_a_derived_idempotency_key_and_json_as_the_services_read_it() throws IOException {
        UUID id = UUID.randomUUID();
        answers = r -> Answer.json(201, "{\"id\":\"" + id + "\",\"name\":\"Room A\",\"unknown\":true}");
        UUID clinic = UUID.randomUUID();

        BookingApi.Room room = api.booking().createRoom(clinic, new BookingApi.NewRoom("Room A", true), "clinic/room/A");
        api.booking().createRoom(clinic, new BookingApi.NewRoom("Room A", true), "clinic/room/A");
        api.booking().createRoom(clinic, new BookingApi.NewRoom("Room A", true), null);
        api.booking().putClinic(clinic, new BookingApi.ClinicProfile("C", null, "Europe/London", "GBP",
                List.of(BookingApi.Hours.of(DayOfWeek.MONDAY, "07:00", "21:00")), null));

        assertThat(room).isEqualTo(new BookingApi.Room(id, "Room A"));
        Seen first = seen.get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.uri()).isEqualTo("/api/v1/clinics/" + clinic + "/rooms");
        assertThat(first.header("Authorization")).isEqualTo("Bearer t0ken");
        assertThat(first.header("Content-type")).isEqualTo("application/json");
        assertThat(first.header("Idempotency-key"))
                .isEqualTo(UUID.nameUUIDFromBytes("clinic/room/A".getBytes(StandardCharsets.UTF_8)).toString())
                .isEqualTo(seen.get(1).header("Idempotency-key"))
                .isNotEqualTo(seen.get(2).header("Idempotency-key"));
        JsonNode profile = StippleApi.JSON.readTree(seen.get(3).body());
        assertThat(seen.get(3).method()).isEqualTo("PUT");
        assertThat(profile.has("address")).as("null fields are left out").isFalse();
        assertThat(profile.path("openingHours").get(0).toString())
                .isEqualTo("{\"weekday\":\"MONDAY\",\"opens\":\"07:00\",\"closes\":\"21:00\"}");
        assertThat(seen.get(3).header("Idempotency-key")).isNull();
    }

    @Test
    void updates_send_if_match_and_return_the_new_etag() {
        UUID booking = UUID.randomUUID();
        answers = r -> new Answer(200, "application/json", "{\"id\":\"" + booking + "\",\"status\":\"CHECKED_IN\"}",
                Map.of("ETag", "\"2\""));

        Versioned<BookingApi.Booking> checkedIn = api.booking().checkIn(booking, "\"1\"");

        assertThat(seen.get(0).header("If-match")).isEqualTo("\"1\"");
        assertThat(checkedIn.etag()).isEqualTo("\"2\"");
        assertThat(checkedIn.value().status()).isEqualTo("CHECKED_IN");
    }

    @Test
    void a_whole_list_is_read_page_by_page() {
        answers = r -> r.uri().contains("page=0")
                ? Answer.json(200, "{\"items\":[{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"A\"}],\"totalItems\":2,\"totalPages\":2}")
                : Answer.json(200, "{\"items\":[{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"B\"}],\"totalItems\":2,\"totalPages\":2}");

        List<BookingApi.Treatment> all = api.booking().treatments();

        assertThat(all).extracting(BookingApi.Treatment::name).containsExactly("A", "B");
        assertThat(seen).extracting(Seen::uri)
                .containsExactly("/api/v1/treatments?size=100&page=0", "/api/v1/treatments?size=100&page=1");
    }

    @Test
    void a_photo_is_uploaded_as_multipart_with_its_fields_and_file() {
        answers = r -> Answer.json(201, "{\"id\":\"" + UUID.randomUUID() + "\",\"phase\":\"BEFORE\"}");
        UUID client = UUID.randomUUID();

        api.gallery().upload(new GalleryApi.PhotoUpload(client, "BEFORE", "FRONT",
                java.time.Instant.parse("2026-03-01T10:00:00Z"), "before.png", "image/png", new byte[]{1, 2, 3}));

        Seen upload = seen.get(0);
        assertThat(upload.header("Content-type")).startsWith("multipart/form-data; boundary=");
        assertThat(upload.body()).contains("name=\"clientId\"\r\nContent-Type: text/plain\r\n\r\n" + client + "\r\n")
                .contains("name=\"takenAt\"\r\nContent-Type: text/plain\r\n\r\n2026-03-01T10:00:00Z\r\n")
                .contains("name=\"file\"; filename=\"before.png\"\r\nContent-Type: image/png");
    }
}
