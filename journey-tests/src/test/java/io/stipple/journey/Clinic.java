package io.stipple.journey;

import io.restassured.builder.ResponseBuilder;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.stipple.stack.Service;
import io.stipple.testinfra.api.ApiProblem;
import io.stipple.testinfra.api.ApiReply;
import io.stipple.testinfra.api.BookingApi;
import io.stipple.testinfra.api.BookingApi.Hours;
import io.stipple.testinfra.api.ClientApi;
import io.stipple.testinfra.api.GalleryApi;
import io.stipple.testinfra.api.StippleApi;
import io.stipple.testinfra.api.Versioned;
import io.stipple.testinfra.fixtures.ClinicSpec;
import io.stipple.testinfra.fixtures.Seeder;
import jakarta.mail.internet.MimeMessage;

import java.awt.Color;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A clinic of its own, driven the way its front desk and front end would: over the services' HTTP APIs with
 * its admin's and staff's tokens. Open every day 07:00–21:00 in London with one technician and one room, so the
 * journeys choose their times freely.
 *
 * <p>The clinic and its clients are {@link ClinicSpec}s seeded by the shared {@link Seeder}; everything else goes
 * through the same typed client ({@link StippleApi}). The journeys' own calls under test use REST Assured
 * ({@link #as}, {@link #ok}); the helpers whose answer a journey checks ({@link #bookResponse}, {@link #uploadPhoto},
 * {@link #availabilityOnceKnown}) hand it over as REST Assured types, exactly as the service sent it.
 */
final class Clinic {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Duration PATIENCE = Duration.ofSeconds(90);

    final UUID id = UUID.randomUUID();
    final String admin = StippleSystem.admin(id);
    final String staff = StippleSystem.staff(id);
    private final StippleApi asAdmin = api(admin);
    private final StippleApi asStaff = api(staff);
    UUID technicianId;
    UUID smpTreatmentId;

    /** A registered client of this clinic with an agreed plan. */
    record Client(UUID id, String email, String firstName, UUID planId, String token) {
    }

    /** The typed client of the running system, acting with this token (none: public operations only). */
    static StippleApi api(String token) {
        return StippleApi.connect(Service.endpoints(StippleSystem::baseUrl)).as(token);
    }

    static String url(Service service, String path) {
        return StippleSystem.baseUrl(service) + path;
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static JsonPath ok(Response response, int... statuses) {
        for (int s : statuses) {
            if (s == response.statusCode()) {
                return response.jsonPath();
            }
        }
        throw new AssertionError(response.getStatusLine() + " (expected " + Arrays.toString(statuses) + "): "
                + response.asString());
    }

    static Instant at(LocalDate date, String localTime) {
        return ZonedDateTime.of(date, LocalTime.parse(localTime), LONDON).toInstant();
    }

    /** Profile, opening hours, catalogue (consultation, SMP with longer sessions for Norwood 6–7), a room, a technician. */
    Clinic setUp() {
        List<Hours> hours = Hours.on(List.of(DayOfWeek.values()), "07:00", "21:00");
        ClinicSpec spec = ClinicSpec.builder(id, new BookingApi.ClinicProfile("Journey Clinic " + id.toString().substring(0, 4),
                        new BookingApi.Address("1 Test Street", null, "London", "N1 1AA", "GB"), "Europe/London", "GBP",
                        hours, 24))
                .treatment(new BookingApi.NewTreatment("CONSULTATION", null, "Consultation", 45, 15,
                        new BookingApi.Money(0, "GBP"), null, null, true))
                .treatment(new BookingApi.NewTreatment("SMP_SESSION", "PERMANENT_SMP", "SMP session", 150, 30,
                        new BookingApi.Money(65_000, "GBP"), 7,
                        List.of(new BookingApi.DurationRule(List.of("6", "7"), null, null, null, 210)), true))
                .room("Room A")
                .technician(new ClinicSpec.TechnicianSpec("Alex Morgan", "alex-" + id.toString().substring(0, 8)
                        + "@journey.example", List.of("SMP session"), hours, List.of()))
                .build();
        Seeder.SeededClinic seeded = seeder().seed(spec);
        smpTreatmentId = seeded.treatments().get("SMP session");
        technicianId = seeded.technicians().get("Alex Morgan").id();
        return this;
    }

    private Seeder seeder() {
        return new Seeder(api(null), admin, staff);
    }

    ClientApi.Registration registrationOf(String firstName, String email) {
        return new ClientApi.Registration(firstName, "Blake", email,
                "+4479111" + String.format("%05d", Math.floorMod(email.hashCode(), 100000)), LocalDate.of(1984, 6, 2),
                "MALE", "Europe/London", "en-GB", List.of("EMAIL"), false);
    }

    /** The registration body of a client of this clinic, as a front end sends it. */
    Map<String, Object> registration(String firstName, String email) {
        return StippleApi.JSON.convertValue(registrationOf(firstName, email), MAP);
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };

    /** Registers a Norwood 6 client, screens them eligible, records consents and agrees a 3-session SMP plan. */
    Client clientWithAgreedPlan(String firstName, List<String> consents) {
        return clientWithAgreedPlan(firstName, consents, Map.of());
    }

    /**
     * As {@link #clientWithAgreedPlan(String, List)}, the plan proposed with these extra fields (e.g. a healing interval
     * below the minimum with {@code healingIntervalOverrideReason}, which the admin proposes).
     */
    Client clientWithAgreedPlan(String firstName, List<String> consents, Map<String, Object> planFields) {
        String email = firstName.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Map<String, Object> plan = new LinkedHashMap<>(Map.of("treatmentType", "PERMANENT_SMP", "plannedSessions", 3,
                "hairlineDesignNotes", "Soft, slightly receded hairline 7 cm above the brow"));
        plan.putAll(planFields);
        ClinicSpec.ClientSpec spec = ClinicSpec.ClientSpec.of(registrationOf(firstName, email))
                .assessment(new ClientApi.Assessment("NORWOOD", "6", "ANDROGENETIC", 70, 3, "dark brown",
                        "SHAVED_FOLLICLE_REPLICATION", null, null))
                .screening(new ClientApi.Screening(List.of(), false, false, false, false, false, false, false, false, null))
                .plan(StippleApi.JSON.convertValue(plan, ClientApi.PlanProposal.class), true);
        for (String scope : consents) {
            spec = spec.consent(scope, null);
        }
        Seeder.SeededClient seeded = seeder().client(id, spec, Set.of());
        assertThat(seeded.screening().eligibility()).isEqualTo("ELIGIBLE");
        assertThat(seeded.plan().status()).as("plan of %s: %s", firstName, seeded.notes()).isEqualTo("AGREED");
        return new Client(seeded.id(), email, firstName, seeded.plan().id(), StippleSystem.client(id, seeded.id()));
    }

    /** Availability for the client once booking-service has projected the agreed plan (the events take a moment). */
    JsonPath availabilityOnceKnown(Client client, LocalDate from) {
        return await().atMost(PATIENCE).until(() -> {
            ApiReply r = asStaff.booking().availabilityCall(smpTreatmentId, client.id(), null, from, from.plusDays(6)).send();
            return r.status() == 200 ? JsonPath.from(r.body()) : null;
        }, a -> a != null && !a.getList("slots").isEmpty());
    }

    /**
     * Books as staff. booking-service refuses a client it has not learnt of yet (422 {@code unknown-client}, until it
     * has projected {@code ClientRegistered}): that answer is retried; any other is returned.
     */
    Response bookResponse(Client client, Instant startsAt) {
        BookingApi.NewBooking booking = new BookingApi.NewBooking(client.id(), smpTreatmentId, technicianId, startsAt);
        return restAssured(await("booking-service knows client " + client.id()).atMost(PATIENCE)
                .until(() -> asStaff.booking().bookCall(booking, null).send(),
                        r -> !(r.status() == 422 && r.problem().is("unknown-client"))));
    }

    /**
     * Registers a partner of this clinic (client-service, admin) and waits until all four services accept its token
     * (they learn partners from {@code PartnerRegistered}); returns the partner's token.
     */
    String registerPartner(String partnerId, String name) {
        ClientApi.Partner registered = asAdmin.clients().registerPartner(new ClientApi.NewPartner(partnerId, name), null);
        assertThat(registered.partnerId()).isEqualTo(partnerId);
        assertThat(registered.status()).isEqualTo("ACTIVE");
        Fixtures.awaitPartnerAccepted(id, partnerId);
        return StippleSystem.partner(id, partnerId);
    }

    JsonPath book(Client client, Instant startsAt) {
        JsonPath booking = ok(bookResponse(client, startsAt), 201);
        assertThat(booking.getString("status")).isEqualTo("CONFIRMED");
        return booking;
    }

    /** Moves the shared clock to just before the start, checks in, moves past the end and completes; returns completedAt. */
    Instant complete(UUID booking, Instant startsAt, int minutes) {
        StippleSystem.moveClockTo(startsAt.minus(30, ChronoUnit.MINUTES));
        BookingApi bookings = asStaff.booking();
        Versioned<BookingApi.Booking> checkedIn = bookings.checkIn(booking, bookings.booking(booking).etag());
        StippleSystem.moveClockTo(startsAt.plus(minutes + 5, ChronoUnit.MINUTES));
        BookingApi.Booking done = bookings.complete(booking, checkedIn.etag(), new BookingApi.SessionRecord(
                List.of("HAIRLINE", "CROWN", "TEMPLES"), new BookingApi.Pigment("Perma Blend", "SMP Dark 2", "1:3",
                        "LOT-26-0042", LocalDate.now().plusYears(1)), "3RL 0.18 mm", minutes,
                "Even density; client tolerated well")).value();
        assertThat(done.status()).isEqualTo("COMPLETED");
        return done.completedAt();
    }

    /** The client's delivery log (empty while notification-service does not know them). */
    List<Map<String, Object>> notifications(UUID clientId) {
        try {
            return asStaff.notifications().notifications(clientId, 100).items().stream()
                    .map(n -> StippleApi.JSON.convertValue(n, MAP)).toList();
        } catch (ApiProblem notYet) {
            return List.of();
        }
    }

    /** The day-0 aftercare e-mails the client received (the appointment reminders are e-mails too). */
    static List<MimeMessage> aftercareMailsTo(String address) {
        return mailsTo(address).stream().filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().startsWith("Your aftercare");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static List<MimeMessage> mailsTo(String address) {
        List<MimeMessage> mails = new ArrayList<>();
        try {
            for (MimeMessage m : StippleSystem.smtp().getReceivedMessages()) {
                if (m.getAllRecipients() != null && Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address))) {
                    mails.add(m);
                }
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        return mails;
    }

    /**
     * Uploads a small BEFORE photo of the client as staff, taken yesterday; the image carries {@code label}, so two
     * uploads with the same label are the same image (409 duplicate-photo) and different labels different images.
     */
    Response uploadPhoto(UUID clientId, String label) {
        return restAssured(asStaff.gallery().uploadCall(new GalleryApi.PhotoUpload(clientId, "BEFORE", "FRONT",
                StippleSystem.now().minus(Duration.ofDays(1)), "before.jpg", "image/jpeg",
                Fixtures.image("jpg", 160, 120, new Color(80, 60, 50), label))).send());
    }

    /** The typed client's answer as a REST Assured response, for the journeys that check it. */
    static Response restAssured(ApiReply reply) {
        List<Header> headers = new java.util.ArrayList<>();
        reply.headers().forEach((name, values) -> values.forEach(v -> headers.add(new Header(name, v))));
        ResponseBuilder response = new ResponseBuilder().setStatusCode(reply.status())
                .setStatusLine("HTTP/1.1 " + reply.status()).setHeaders(new Headers(headers))
                .setBody(reply.body() == null ? "" : reply.body());
        if (reply.contentType() != null) {
            response.setContentType(reply.contentType());
        }
        return response.build();
    }
}
