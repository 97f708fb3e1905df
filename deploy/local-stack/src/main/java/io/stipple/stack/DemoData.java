package io.stipple.stack;

import io.stipple.testinfra.DevTokens;
import io.stipple.testinfra.api.ApiProblem;
import io.stipple.testinfra.api.BookingApi;
import io.stipple.testinfra.api.BookingApi.Hours;
import io.stipple.testinfra.api.ClientApi;
import io.stipple.testinfra.api.StippleApi;
import io.stipple.testinfra.fixtures.ClinicSpec;
import io.stipple.testinfra.fixtures.ClinicSpec.ClientSpec;
import io.stipple.testinfra.fixtures.ClinicSpec.TechnicianSpec;
import io.stipple.testinfra.fixtures.Seeder;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

/**
 * The demo clinic, described as data ({@link #CLINIC}: the clinic's profile and opening hours, the treatment catalogue,
 * rooms, technicians, the demo partner — registered by the clinic, so the demo partner token is accepted — and a few
 * clients with their assessment, screening, consents (one shares with the demo partner) and, for one, an agreed
 * treatment plan), seeded through the services' own HTTP APIs by the shared {@link Seeder}, as the clinic's admin and
 * staff would.
 *
 * <p>Idempotent: the data directory survives restarts, and the seeder creates only what is missing (see
 * {@link Seeder}). A step whose API refuses (a service still in development, a rule refusing the demo data) is
 * reported and skipped; the stack stays up.
 */
public final class DemoData {

    /** The demo clinic's id: the {@code clinic_id} of every demo token. */
    public static final UUID CLINIC_ID = UUID.fromString("5b1c8a3e-2f4d-4c6b-9a7e-1d2c3b4a5f60");
    public static final String CLINIC_NAME = "Stipple Demo Clinic London";
    /**
     * The partner of the demo partner token, registered by the demo clinic (a partner token works only for an ACTIVE
     * partner of its clinic), and named by the demo client's partner-sharing consent.
     */
    public static final String PARTNER_ID = "partner-hairline-studio-manchester";
    public static final String PARTNER_NAME = "Hairline Studio Manchester";

    /** The demo clinic. */
    public static final ClinicSpec CLINIC = ClinicSpec.builder(CLINIC_ID, new BookingApi.ClinicProfile(CLINIC_NAME,
                    new BookingApi.Address("12 Harley Street", "Suite 4", "London", "W1G 9PF", "GB"), "Europe/London", "GBP",
                    concat(Hours.on(List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY), "09:00", "18:00"),
                            List.of(Hours.of(FRIDAY, "09:00", "20:00"), Hours.of(SATURDAY, "10:00", "16:00"))), 48))
            .treatment(treatment("CONSULTATION", null, "Consultation", 45, 15, 0, null, List.of()))
            .treatment(treatment("SMP_SESSION", "PERMANENT_SMP", "SMP session", 150, 30, 65_000, 10, List.of(
                    new BookingApi.DurationRule(List.of("6", "7"), List.of(), null, null, 210),
                    new BookingApi.DurationRule(List.of(), List.of("ALOPECIA_TOTALIS", "ALOPECIA_UNIVERSALIS"), null, null, 240))))
            .treatment(treatment("TRICOPIGMENTATION_SESSION", "TRICOPIGMENTATION", "Tricopigmentation session", 120, 30,
                    45_000, 7, List.of()))
            .treatment(treatment("SCAR_CAMOUFLAGE_SESSION", "SCAR_CAMOUFLAGE", "Scar camouflage session", 90, 30, 35_000,
                    14, List.of()))
            .treatment(treatment("TOP_UP", "PERMANENT_SMP", "SMP top-up", 90, 15, 25_000, null, List.of()))
            .room("Room 1 (Harley)")
            .room("Room 2 (Wimpole)")
            .technician(new TechnicianSpec("Sam Okafor", "sam@demo-clinic.example",
                    List.of("Consultation", "SMP session", "Scar camouflage session", "SMP top-up"),
                    concat(Hours.on(List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY), "09:00", "18:00"),
                            List.of(Hours.of(FRIDAY, "09:00", "17:00"))), List.of()))
            .technician(new TechnicianSpec("Priya Shah", "priya@demo-clinic.example",
                    List.of("Consultation", "SMP session", "Tricopigmentation session", "SMP top-up"),
                    List.of(Hours.of(WEDNESDAY, "10:00", "18:00"), Hours.of(THURSDAY, "10:00", "18:00"),
                            Hours.of(FRIDAY, "12:00", "20:00"), Hours.of(SATURDAY, "10:00", "16:00")), List.of()))
            .technician(new TechnicianSpec("Tom Reilly", "tom@demo-clinic.example",
                    List.of("Consultation", "Scar camouflage session", "Tricopigmentation session"),
                    List.of(Hours.of(MONDAY, "12:00", "18:00"), Hours.of(TUESDAY, "12:00", "18:00"),
                            Hours.of(FRIDAY, "12:00", "20:00")), List.of()))
            .partner(PARTNER_ID, PARTNER_NAME)
            .client(ClientSpec.of(registration("Daniel", "Okafor", "daniel.okafor@example.com", "+447911123456",
                            "1986-04-12", "MALE"))
                    .assessment(new ClientApi.Assessment("NORWOOD", "6", "ANDROGENETIC", 70, 4, "dark brown",
                            "SHAVED_FOLLICLE_REPLICATION", null, "Norwood 6: open crown and receded temples; wants a buzz-cut look"))
                    .screening(screening(false, "No medication, no known allergies"))
                    .consent("TREATMENT", null).consent("CLINICAL_PHOTOS", null).consent("PUBLIC_GALLERY", null)
                    .consent("PARTNER_SHARING", PARTNER_ID)
                    .plan(new ClientApi.PlanProposal("PERMANENT_SMP", 3, 10, null,
                            "Soft, slightly receded adult hairline 7 cm above the brow; density matched to the sides"), true))
            .client(ClientSpec.of(registration("Sophie", "Marchetti", "sophie.marchetti@example.com", "+447911234567",
                            "1979-09-30", "FEMALE"))
                    .assessment(new ClientApi.Assessment("LUDWIG", "II", "DIFFUSE_THINNING", 35, 2, "light brown",
                            "DENSITY_BEHIND_LONGER_HAIR", null, "Diffuse thinning at the parting; keeps shoulder-length hair"))
                    .screening(screening(false, "Patch test done at consultation"))
                    .consent("TREATMENT", null).consent("CLINICAL_PHOTOS", null)
                    .plan(new ClientApi.PlanProposal("TRICOPIGMENTATION", 3, 7, null,
                            "Density along the parting and crown only"), false))
            .client(ClientSpec.of(registration("Marcus", "Reid", "marcus.reid@example.com", null, "1990-01-22", "MALE"))
                    .assessment(new ClientApi.Assessment("NONE", null, "SCAR_FUT", 5, 5, "black", "SCAR_CAMOUFLAGE",
                            new ClientApi.Scar(180, 4, null, "MATURE"), "FUT strip scar from a 2019 transplant"))
                    .screening(screening(true, "Keloid tendency reported: practitioner to review"))
                    .consent("TREATMENT", null))
            .build();

    /** What the demo consists of, for the banner. All null when nothing was seeded. */
    public record Seeded(UUID clinicId, String clinicName, UUID clientId, String clientName) {
        static Seeded none() {
            return new Seeded(null, null, null, null);
        }
    }

    private final PrintStream out;
    private final Seeder seeder;
    private final List<String> skipped = new ArrayList<>();

    public DemoData(LocalStack stack, PrintStream out) {
        this.out = out;
        Instant expires = Instant.now().plus(1, ChronoUnit.HOURS);
        this.seeder = new Seeder(StippleApi.connect(Service.endpoints(stack::baseUrl)),
                DevTokens.builder().subject("demo-seed-admin").clinic(CLINIC_ID).roles("admin").expiresAt(expires).sign(),
                DevTokens.builder().subject("demo-seed-staff").clinic(CLINIC_ID).roles("staff").expiresAt(expires).sign());
    }

    /** Creates what is missing of the demo clinic and returns what the banner shows. */
    public Seeded seed() {
        out.println();
        out.println("Demo data (clinic " + CLINIC_ID + "):");
        Boolean profile = step("clinic profile", () -> seeder.profile(CLINIC));
        if (profile != null) {
            out.println("  clinic profile: " + (profile ? "created (Europe/London, Mon–Thu 09–18, Fri 09–20, Sat 10–16)"
                    : "exists (" + CLINIC_NAME + ")"));
            Seeder.Created<Map<String, UUID>> treatments = step("treatment catalogue", () -> seeder.treatments(CLINIC));
            if (treatments != null) {
                out.printf("  treatment catalogue: %d treatments (%d created): consultation, SMP, tricopigmentation, "
                        + "scar camouflage, top-up (GBP)%n", CLINIC.treatments().size(), treatments.created());
            }
            Seeder.Created<Map<String, UUID>> rooms = step("rooms", () -> seeder.rooms(CLINIC));
            if (rooms != null) {
                out.printf("  rooms: %d (%d created)%n", CLINIC.rooms().size(), rooms.created());
            }
            Map<String, UUID> catalogue = treatments == null ? Map.of() : treatments.value();
            Seeder.Created<?> technicians = step("technicians", () -> seeder.technicians(CLINIC, catalogue));
            if (technicians != null) {
                out.printf("  technicians: %d (%d created): Sam Okafor, Priya Shah, Tom Reilly%n",
                        CLINIC.technicians().size(), technicians.created());
            }
        }
        Seeder.Created<Map<String, String>> partners = step("partner", () -> seeder.partners(CLINIC));
        if (partners != null) {
            partners.value().forEach((id, done) -> out.println("  partner: " + id + " " + done
                    + ("registered".equals(done) ? " (" + PARTNER_NAME + "); the other services accept its token once "
                    + "they have the PartnerRegistered event (a moment)" : "")));
        }
        Set<String> registered = partners == null ? Set.of() : partners.value().keySet();
        UUID daniel = step("clients", () -> seedClients(registered));
        if (!skipped.isEmpty()) {
            out.println("  Not seeded (see above): " + String.join("; ", skipped));
        }
        UUID clinicId = profile != null || daniel != null ? CLINIC_ID : null;
        return new Seeded(clinicId, clinicId == null ? null : CLINIC_NAME, daniel, daniel == null ? null : "Daniel Okafor");
    }

    /** Returns the id of the demo client whose token the banner prints (the first: the one with the agreed plan). */
    private UUID seedClients(Set<String> registeredPartners) {
        UUID first = null;
        int created = 0;
        List<String> notes = new ArrayList<>();
        for (ClientSpec spec : CLINIC.clients()) {
            Seeder.SeededClient c = seeder.client(CLINIC_ID, spec, registeredPartners);
            created += c.created() ? 1 : 0;
            notes.addAll(c.notes());
            first = first == null ? c.id() : first;
        }
        out.printf("  clients: %d (%d created): Daniel Okafor (Norwood 6, agreed 3-session SMP plan), "
                + "Sophie Marchetti (Ludwig II, proposed tricopigmentation plan), Marcus Reid (FUT scar, screening "
                + "needs review)%n", CLINIC.clients().size(), created);
        notes.forEach(n -> out.println("    " + n));
        return first;
    }

    /** Runs one seeding step; a refusal or an unreachable service is reported and remembered, and seeding goes on. */
    private <T> T step(String name, Supplier<T> work) {
        try {
            return work.get();
        } catch (ApiProblem | UncheckedIOException e) {
            out.println("  " + name + ": NOT seeded: " + e.getMessage());
            skipped.add(name);
            return null;
        }
    }

    private static BookingApi.NewTreatment treatment(String kind, String type, String name, int minutes, int buffer,
                                                     long priceMinor, Integer healingDays,
                                                     List<BookingApi.DurationRule> rules) {
        return new BookingApi.NewTreatment(kind, type, name, minutes, buffer, new BookingApi.Money(priceMinor, "GBP"),
                healingDays, rules, true);
    }

    private static ClientApi.Registration registration(String first, String last, String email, String phone,
                                                       String dateOfBirth, String sex) {
        return new ClientApi.Registration(first, last, email, phone, LocalDate.parse(dateOfBirth), sex, "Europe/London",
                "en-GB", List.of("EMAIL"), false);
    }

    private static ClientApi.Screening screening(boolean keloid, String notes) {
        return new ClientApi.Screening(List.of(), false, keloid, false, false, false, false, false, false, notes);
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<T> l : lists) {
            all.addAll(l);
        }
        return List.copyOf(all);
    }
}
