package io.stipple.journey;

import com.fasterxml.jackson.databind.JsonNode;
import io.stipple.stack.Service;
import io.stipple.testinfra.api.ApiProblem;
import io.stipple.testinfra.api.ApiReply;
import io.stipple.testinfra.api.BookingApi;
import io.stipple.testinfra.api.BookingApi.Hours;
import io.stipple.testinfra.api.ClientApi;
import io.stipple.testinfra.api.GalleryApi;
import io.stipple.testinfra.api.Multipart;
import io.stipple.testinfra.api.NotificationApi;
import io.stipple.testinfra.api.Page;
import io.stipple.testinfra.api.Ref;
import io.stipple.testinfra.api.StippleApi;
import io.stipple.testinfra.api.Versioned;
import io.stipple.testinfra.fixtures.ClinicSpec;
import io.stipple.testinfra.fixtures.ClinicSpec.ClientSpec;
import io.stipple.testinfra.fixtures.Seeder;
import org.awaitility.Awaitility;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import static io.stipple.journey.OpenApi.JSON;

/**
 * A fresh clinic with real records in every service, created over the public APIs: profile, treatments, a room and
 * a technician (booking-service); three registered partners (client-service: {@link #sharedPartner}, which the victim
 * shares with, {@link #unsharedPartner}, which only the other client shares with, and {@link #pathPartner}, which no
 * token of the sweeps holds and which stands in {@code /partners/{id}}); two clients, the victim with assessment,
 * screening, consents (partner sharing included) and an agreed plan; a consultation booking of the victim; two photos
 * of them paired into a set (gallery-service); the admin's webhook subscription (notification-service, created
 * before the booking, so it has a delivery). {@link #ids} maps the path parameters of the OpenAPI documents to these
 * ids.
 *
 * <p>The clinic is a {@link ClinicSpec} seeded by the shared {@link Seeder} (test-infra), the records that wait for
 * events (booking, photos, sets, reminders, deliveries) are made through the same typed client ({@link StippleApi}).
 *
 * <p>Partners must be registered by the clinic before their tokens work anywhere (403 {@code partner-not-registered});
 * the other services learn them from {@code PartnerRegistered}, so {@link #awaitPartnersAccepted()} waits until all
 * four services accept the fixture's partner tokens. A booking waits until booking-service knows the client (422
 * {@code unknown-client} until {@code ClientRegistered} is projected).
 */
public final class Fixtures {

    public final UUID clinicId = UUID.randomUUID();
    public final String admin = StippleSystem.admin(clinicId);
    public final String staff = StippleSystem.staff(clinicId);
    /** A partner registered by this clinic that the victim shares with (PARTNER_SHARING consent). */
    public final String sharedPartner;
    /** A partner registered by this clinic that the victim does not share with (the other client does). */
    public final String unsharedPartner;
    /** A partner registered by this clinic only, whose token nobody uses: the {@code /partners/{id}} path value. */
    public final String pathPartner;
    /** The client whose records the attacks aim at ("the victim"). */
    public UUID victim;
    /** The victim's e-mail address (unique: a leak of it is a leak of the victim). */
    public String victimEmail;
    /** The victim's two photos (before, after), paired into the set {@code ids.get("setId")}. */
    public final List<String> photos = new ArrayList<>();
    /** Another client of the same clinic ("the attacker" when holding a client token). */
    public UUID other;
    /** Path parameter name (normalised, see {@link #key}) to a real id of this clinic. */
    public final Map<String, String> ids = new LinkedHashMap<>();
    /** What could not be created (an API refused or is missing); the sweeps fall back to random ids there. */
    public final List<String> missing = new ArrayList<>();
    private final String tag;

    private Fixtures(String label, String sharedPartnerId) {
        this.tag = label + "-" + clinicId.toString().substring(0, 8);
        String lower = tag.toLowerCase(Locale.ROOT);
        this.sharedPartner = sharedPartnerId != null ? sharedPartnerId : "shared-" + lower;
        this.unsharedPartner = "unshared-" + lower;
        this.pathPartner = "listed-" + lower;
    }

    /** Creates the clinic and its records; fails if the core records (clinic, clients) cannot be created. */
    public static Fixtures create(String label) {
        return create(label, null);
    }

    /**
     * As {@link #create(String)}, with the shared partner's id given: a second clinic registering the same partner id
     * as the first is how "a partner of another clinic with the same partner_id" is made.
     */
    public static Fixtures create(String label, String sharedPartnerId) {
        Fixtures f = new Fixtures(label, sharedPartnerId);
        f.build();
        return f;
    }

    public String clientToken(UUID clientId) {
        return StippleSystem.client(clinicId, clientId);
    }

    public String partnerToken(String partnerId) {
        return StippleSystem.partner(clinicId, partnerId);
    }

    /** Waits until every service accepts the shared and the unshared partner's tokens (they learn partners from events). */
    public void awaitPartnersAccepted() {
        awaitPartnerAccepted(clinicId, sharedPartner);
        awaitPartnerAccepted(clinicId, unsharedPartner);
    }

    /**
     * Registers a partner for a clinic on client-service ({@code POST /api/v1/partners}, admin token); 201, or 409 when
     * it is registered already. Returns the reply.
     */
    public static Http.Reply registerPartner(String adminToken, String partnerId, String name) {
        return reply(Clinic.api(adminToken).clients()
                .registerPartnerCall(new ClientApi.NewPartner(partnerId, name), null).send());
    }

    /**
     * Waits until all four services accept a partner token of this clinic and partner id: client-service registers
     * partners itself; booking, notification and gallery learn them from {@code PartnerRegistered}, and refuse the
     * token with 403 {@code partner-not-registered} until then.
     */
    public static void awaitPartnerAccepted(UUID clinicId, String partnerId) {
        StippleApi partner = Clinic.api(StippleSystem.partner(clinicId, partnerId));
        Map<Service, Runnable> probes = new LinkedHashMap<>();
        probes.put(Service.CLIENT, () -> partner.clients().list(1));
        probes.put(Service.BOOKING, () -> partner.booking().treatments(1));
        probes.put(Service.NOTIFICATION, () -> partner.notifications().webhooks(1));
        probes.put(Service.GALLERY, () -> partner.gallery().publicSets(1));
        AtomicReference<ApiProblem> last = new AtomicReference<>();
        probes.forEach((service, probe) -> Awaitility.await("partner " + partnerId + " accepted by " + service.artifact)
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .failFast(() -> last.get() != null && last.get().status() >= 500)
                .ignoreException(UncheckedIOException.class)
                .until(() -> {
                    try {
                        probe.run();
                        return true;
                    } catch (ApiProblem refused) {
                        last.set(refused);
                        return refused.status() != 429 && !refused.is("partner-not-registered");
                    }
                }));
    }

    /** The fixture key of a path parameter: {@code clientId} as is; a bare {@code id} after {@code /photos/} → photoId. */
    public static String key(OpenApi.Operation op, String param) {
        if (!"id".equals(param)) {
            return param;
        }
        String before = op.path().substring(0, op.path().indexOf("{" + param + "}"));
        String[] segments = before.split("/");
        String segment = segments.length == 0 ? "" : segments[segments.length - 1];
        String singular = segment.endsWith("s") ? segment.substring(0, segment.length() - 1) : segment;
        return singular + "Id";
    }

    /** Path values for an operation: this clinic's real ids where known, random UUIDs elsewhere. */
    public Map<String, String> pathValues(OpenApi.Operation op) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String p : op.pathParameterNames()) {
            String v = ids.get(key(op, p));
            if (v == null) {
                JsonNode schema = op.parameters("path").stream().filter(x -> p.equals(x.path("name").asText()))
                        .findFirst().map(x -> x.path("schema")).orElse(null);
                JsonNode ex = schema == null ? null : OpenApi.example(op.doc(), schema, 0);
                v = ex != null && ex.isValueNode() && !"uuid".equals(op.resolve(schema).path("format").asText())
                        ? ex.asText() : UUID.randomUUID().toString();
            }
            values.put(p, v);
        }
        return values;
    }

    // ------------------------------------------------------------------------------------------------ building

    /** This fixture's clinic as data: what {@link Seeder} creates before the records that wait for events. */
    private ClinicSpec spec() {
        List<Hours> hours = Hours.on(List.of(DayOfWeek.values()), "07:00", "21:00");
        Instant timeOff = StippleSystem.now().plus(200, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        BookingApi.Money free = new BookingApi.Money(0, "GBP");
        return ClinicSpec.builder(clinicId, new BookingApi.ClinicProfile("Attack & Fuzz Clinic " + tag,
                        new BookingApi.Address("1 Test Street", null, "London", "W1A 1AA", "GB"), "Europe/London", "GBP",
                        hours, 24))
                // partners are registered by the clinic before anyone may share with them or use their tokens
                .partner(sharedPartner, "Partner " + sharedPartner)
                .partner(unsharedPartner, "Partner " + unsharedPartner)
                .partner(pathPartner, "Partner " + pathPartner)
                .treatment(new BookingApi.NewTreatment("CONSULTATION", null, CONSULTATION, 30, 0, free, null, null, true))
                .treatment(new BookingApi.NewTreatment("SMP_SESSION", "PERMANENT_SMP", "SMP session", 120, 15,
                        new BookingApi.Money(60_000, "GBP"), 7, null, true))
                .room("Room 1")
                .technician(new ClinicSpec.TechnicianSpec("Tech " + tag, "tech@" + tag + ".example",
                        List.of(CONSULTATION, "SMP session"), hours,
                        List.of(new BookingApi.NewTimeOff(timeOff, timeOff.plus(1, ChronoUnit.DAYS), "Course"))))
                .closure(new BookingApi.NewClosure(today().plusDays(300), today().plusDays(301), "Staff training"))
                // the admin's subscription exists before the booking, so the booking's event gives it a delivery
                .webhook(new NotificationApi.NewWebhook("https://203.0.113.10/stipple/webhooks", List.of("BookingConfirmed"),
                        "fixture"))
                .client(otherClient().consent("PARTNER_SHARING", unsharedPartner))
                .client(ClientSpec.of(registration("Victor", "Victim"))
                        .assessment(new ClientApi.Assessment("NORWOOD", "6", "ANDROGENETIC", 70, 3, "dark brown",
                                "SHAVED_FOLLICLE_REPLICATION", null, null))
                        .screening(new ClientApi.Screening(List.of(), false, false, false, false, false, false, false,
                                false, null))
                        .consent("TREATMENT", null).consent("CLINICAL_PHOTOS", null).consent("PUBLIC_GALLERY", null)
                        .consent("PARTNER_SHARING", sharedPartner)
                        .plan(new ClientApi.PlanProposal("PERMANENT_SMP", 3, 7, null, "Soft adult hairline"), true))
                .build();
    }

    private static final String CONSULTATION = "Consultation";

    private ClientSpec otherClient() {
        return ClientSpec.of(registration("Olivia", "Other"));
    }

    private ClientApi.Registration registration(String first, String last) {
        return new ClientApi.Registration(first, last, (first + "." + last + "." + tag + "@example.com").toLowerCase(Locale.ROOT),
                null, LocalDate.of(1985, 5, 5), "MALE", "Europe/London", "en-GB", List.of("EMAIL"), false);
    }

    private Seeder seeder() {
        return new Seeder(Clinic.api(null), admin, staff);
    }

    private void build() {
        ids.put("clinicId", clinicId.toString());
        ClinicSpec spec = spec();
        Seeder.SeededClinic seeded = seeder().seed(spec);
        ids.put("partnerId", pathPartner);
        UUID consultation = seeded.treatments().get(CONSULTATION);
        Seeder.SeededTechnician technician = seeded.technicians().get("Tech " + tag);
        ids.put("treatmentId", consultation.toString());
        ids.put("roomId", seeded.rooms().get("Room 1").toString());
        ids.put("technicianId", technician.id().toString());
        ids.put("timeOffId", technician.timeOff().get(0).toString());
        ids.put("closureId", seeded.closures().get(0).toString());
        ids.put("webhookId", seeded.webhooks().get(0).toString());
        other = seeded.client(otherClient().email()).id();
        victimEmail = spec.clients().get(1).email();
        Seeder.SeededClient v = seeded.client(victimEmail);
        victim = v.id();
        ids.put("clientId", victim.toString());
        ids.put("assessmentId", v.assessmentId().toString());
        ids.put("screeningId", v.screening().id().toString());
        ids.put("consentId", v.consents().get("TREATMENT").toString());
        ids.put("planId", v.plan().id().toString());
        seeded.clients().values().forEach(c -> missing.addAll(c.notes()));

        bookConsultation(consultation, technician.id());
        waitlistEntryAndOffer(consultation, technician.id());
        uploadPhotosAndSet();
        if (!missing.isEmpty()) {
            System.out.println("Fixtures " + tag + ": not created (random ids used instead): " + missing);
        }
    }

    private StippleApi asStaff() {
        return Clinic.api(staff);
    }

    private void bookConsultation(UUID treatment, UUID technician) {
        // the booking service learns of the client from ClientRegistered: retry until its projection has it
        BookingApi booking = asStaff().booking();
        retry("booking", "bookingId", () -> {
            BookingApi.Availability slots = booking.availability(treatment, victim, technician, today().plusDays(2),
                    today().plusDays(9));
            if (slots.slots().isEmpty()) {
                return null;
            }
            return booking.book(new BookingApi.NewBooking(victim, treatment, technician,
                    slots.slots().get(0).startsAt().toInstant()), null).id().toString();
        });
    }

    /**
     * The victim waits for a consultation ({@code entryId}); another client's booking is cancelled, and the freed
     * slot is offered to the victim, first in line ({@code offerId}).
     */
    private void waitlistEntryAndOffer(UUID treatment, UUID technician) {
        String waitlist = StippleSystem.baseUrl(io.stipple.stack.Service.BOOKING) + "/api/v1/waitlist";
        retry("waitlist entry", "entryId", () -> {
            Http.Reply r = Http.request("POST", waitlist).token(staff).json(JSON.createObjectNode()
                    .put("clientId", victim.toString()).put("treatmentId", treatment.toString())
                    .put("from", today().plusDays(10).toString()).put("to", today().plusDays(40).toString()).toString()).send();
            return r.status() == 201 ? json(r).path("id").asText(null) : null;
        });
        BookingApi booking = asStaff().booking();
        AtomicReference<String> freed = new AtomicReference<>();
        retry("waitlist offer", "offerId", () -> {
            if (freed.get() == null) {
                BookingApi.Availability slots = booking.availability(treatment, other, technician, today().plusDays(12),
                        today().plusDays(18));
                if (slots.slots().isEmpty()) {
                    return null;
                }
                String id = booking.book(new BookingApi.NewBooking(other, treatment, technician,
                        slots.slots().get(0).startsAt().toInstant()), null).id().toString();
                Http.Reply cancelled = Http.request("POST", StippleSystem.baseUrl(io.stipple.stack.Service.BOOKING)
                        + "/api/v1/bookings/" + id + "/cancel").token(staff).json("{\"reason\":\"Freed for the waitlist\"}").send();
                if (cancelled.status() != 200) {
                    return null;
                }
                freed.set(id);
            }
            Http.Reply offers = Http.request("GET", waitlist + "/offers?clientId=" + victim).token(staff).send();
            JsonNode first = json(offers).path("items").path(0);
            return first.isMissingNode() ? null : first.path("id").asText(null);
        });
    }

    private void uploadPhotosAndSet() {
        // the gallery learns of the CLINICAL_PHOTOS consent from ConsentGranted: retry until its projection has it
        List<UUID> pair = uploadPair(victim, "photo", 30, Color.DARK_GRAY, 1, Color.GRAY);
        if (pair == null) {
            return;
        }
        pair.forEach(p -> this.photos.add(p.toString()));
        ids.put("photoId", photos.get(0));
        try {
            ids.put("setId", asStaff().gallery().createSet(new GalleryApi.NewSet(pair.get(0), pair.get(1)), null)
                    .value().id().toString());
        } catch (ApiProblem refused) {
            missing.add("setId: " + refused.getMessage());
        }
    }

    /**
     * Uploads a BEFORE and an AFTER photo of a client (taken that many days ago), retried until the gallery accepts
     * them (it learns the consent from an event); null, and noted in {@link #missing}, when it does not in time.
     */
    private List<UUID> uploadPair(UUID clientId, String what, int beforeDaysAgo, Color beforeColour, int afterDaysAgo,
                                  Color afterColour) {
        GalleryApi gallery = asStaff().gallery();
        List<UUID> pair = new ArrayList<>();
        String done = retry(what, null, () -> {
            while (pair.size() < 2) {
                boolean before = pair.isEmpty();
                pair.add(gallery.upload(photo(clientId, before ? "BEFORE" : "AFTER",
                        StippleSystem.now().minus(before ? beforeDaysAgo : afterDaysAgo, ChronoUnit.DAYS),
                        before ? beforeColour : afterColour)).id());
            }
            return "done";
        });
        return done == null ? null : pair;
    }

    /** A valid photo (angle FRONT, a fresh PNG) of a client, taken then. */
    static GalleryApi.PhotoUpload photo(UUID clientId, String phase, Instant takenAt, Color colour) {
        return new GalleryApi.PhotoUpload(clientId, phase, "FRONT", takenAt.truncatedTo(ChronoUnit.SECONDS),
                phase + ".png", "image/png", png(colour, phase));
    }

    /** A valid photo upload (multipart: clientId, phase, angle FRONT, takenAt and a fresh PNG) with this token. */
    static Http.Request photoUpload(String url, String token, UUID clientId, String phase, Instant takenAt, Color colour) {
        Multipart form = photo(clientId, phase, takenAt, colour).form();
        return Http.post(url).token(token).body(form.contentType(), form.bytes());
    }

    /** Uploads one more photo of the victim (as staff) and returns its id, or null if the gallery refused it. */
    public String uploadVictimPhoto() {
        ApiReply r = asStaff().gallery().uploadCall(photo(victim, "BEFORE", StippleSystem.now().minus(2, ChronoUnit.DAYS),
                Color.LIGHT_GRAY)).send();
        return r.status() == 201 ? r.json().path("id").asText() : null;
    }

    /**
     * Records the victim's first notification ({@code notificationId}, the booking's reminder) and the first delivery of
     * the admin's subscription ({@code deliveryId}, the booking's BookingConfirmed), both made from events; what does
     * not appear in time is listed in {@link #missing}.
     */
    public void awaitNotificationAndDelivery() {
        NotificationApi notifications = asStaff().notifications();
        awaitFirstId("notificationId", () -> notifications.notifications(victim, 10), NotificationApi.Notification::id);
        if (ids.containsKey("webhookId")) {
            NotificationApi admins = Clinic.api(admin).notifications();
            awaitFirstId("deliveryId", () -> admins.deliveries(UUID.fromString(ids.get("webhookId")), 10), Ref::id);
        }
    }

    private <T> void awaitFirstId(String key, Supplier<Page<T>> list, Function<T, UUID> id) {
        retry(key, key, () -> list.get().items().stream().findFirst().map(id).map(UUID::toString).orElse(null));
    }

    /**
     * Tries {@code attempt} every half second for up to 45 s until it returns a value (null or an {@link ApiProblem}:
     * not yet); records the value under {@code key} (if given) and returns it, or notes in {@link #missing} what
     * answered last and returns null.
     */
    private String retry(String what, String key, Supplier<String> attempt) {
        AtomicReference<String> last = new AtomicReference<>("no reply");
        try {
            String value = Awaitility.await(what + " of the fixture").atMost(Duration.ofSeconds(45))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        try {
                            return attempt.get();
                        } catch (ApiProblem | UncheckedIOException e) {
                            last.set(e.getMessage());
                            return null;
                        }
                    }, v -> v != null);
            if (key != null) {
                ids.put(key, value);
            }
            return value;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            missing.add(what + ": " + last.get());
            return null;
        }
    }

    /**
     * Publishes a before/after set of the OTHER client (photo and gallery consents, two photos, a set submitted by staff
     * and published by the admin) and records it as {@code publicSetId}: the public gallery's operations then have a
     * real published set that is not the victim's.
     */
    public void publishSetOfOtherClient() {
        seeder().client(clinicId, otherClient().consent("CLINICAL_PHOTOS", null).consent("PUBLIC_GALLERY", null), Set.of());
        List<UUID> pair = uploadPair(other, "public set photo", 40, Color.BLACK, 2, Color.ORANGE);
        if (pair == null) {
            return;
        }
        try {
            Versioned<GalleryApi.PhotoSet> set = asStaff().gallery().createSet(new GalleryApi.NewSet(pair.get(0), pair.get(1)), null);
            Versioned<GalleryApi.PhotoSet> submitted = asStaff().gallery().submitSet(set.value().id(), set.etag());
            Clinic.api(admin).gallery().publishSet(set.value().id(), submitted.etag());
            ids.put("publicSetId", set.value().id().toString());
        } catch (ApiProblem refused) {
            missing.add("public set: " + refused.getMessage());
        }
    }

    /** A small PNG, different for each call (the gallery refuses exact duplicates). */
    static byte[] png(Color colour, String text) {
        return image("png", 320, 240, colour, text + " " + UUID.randomUUID());
    }

    /** An image of this format ({@code png}, {@code jpg}) filled with a colour, with the text written on it. */
    static byte[] image(String format, int width, int height, Color colour, String text) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.drawString(text, 10, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The typed client's answer as the sweeps' {@link Http.Reply}. */
    static Http.Reply reply(ApiReply r) {
        Map<String, String> headers = new LinkedHashMap<>();
        r.headers().forEach((k, v) -> headers.put(k, String.join(",", v)));
        return new Http.Reply(r.request(), r.status(), r.contentType(), r.body(), headers);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Today as the services see it (their clock may have been moved by a journey test). */
    private static LocalDate today() {
        return LocalDate.ofInstant(StippleSystem.now(), java.time.ZoneOffset.UTC);
    }

    static JsonNode json(Http.Reply r) {
        try {
            return r.body() == null || r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
