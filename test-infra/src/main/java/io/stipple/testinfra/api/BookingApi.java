package io.stipple.testinfra.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * booking-service's operations the seeding and the journeys use: the clinic profile, treatment catalogue, rooms,
 * technicians, closures, time off, availability and bookings (check-in, completion).
 */
public final class BookingApi extends ServiceApi {

    public record Address(String line1, String line2, String city, String postcode, String country) {
    }

    /** Opening or working hours of one weekday, clinic-local ({@code "09:00"}). */
    public record Hours(DayOfWeek weekday, @JsonFormat(pattern = "HH:mm") LocalTime opens,
                        @JsonFormat(pattern = "HH:mm") LocalTime closes) {

        public static Hours of(DayOfWeek day, String opens, String closes) {
            return new Hours(day, LocalTime.parse(opens), LocalTime.parse(closes));
        }

        /** The same hours on each of these days. */
        public static List<Hours> on(List<DayOfWeek> days, String opens, String closes) {
            return days.stream().map(d -> of(d, opens, closes)).toList();
        }
    }

    public record ClinicProfile(String name, Address address, String timeZone, String currency, List<Hours> openingHours,
                                Integer cancellationNoticeHours) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Clinic(UUID id, String name, String timeZone) {
    }

    public record Money(long amountMinor, String currency) {
    }

    /** A longer (or shorter) session for these stages, conditions or coverage. */
    public record DurationRule(List<String> stages, List<String> conditions, Integer minCoveragePercent,
                               Integer maxCoveragePercent, int durationMinutes) {
    }

    public record NewTreatment(String kind, String treatmentType, String name, Integer baseDurationMinutes,
                               Integer bufferMinutes, Money price, Integer healingIntervalDays,
                               List<DurationRule> durationRules, Boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Treatment(UUID id, String kind, String name) {
    }

    public record NewRoom(String name, Boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Room(UUID id, String name) {
    }

    public record NewTechnician(String displayName, String email, List<UUID> treatmentIds, List<Hours> workingHours,
                                Boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Technician(UUID id, String displayName) {
    }

    public record NewClosure(LocalDate firstDay, LocalDate lastDay, String reason) {
    }

    public record NewTimeOff(Instant startsAt, Instant endsAt, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Slot(OffsetDateTime startsAt, List<UUID> technicianIds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Availability(Integer sessionMinutes, List<Slot> slots) {
    }

    public record NewBooking(UUID clientId, UUID treatmentId, UUID technicianId, Instant startsAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Booking(UUID id, UUID clientId, String status, Integer sessionNumber, Instant startsAt,
                          Instant completedAt) {
    }

    public record Pigment(String brand, String shade, String dilution, String lot, LocalDate expiry) {
    }

    public record SessionRecord(List<String> areasTreated, Pigment pigment, String needleConfiguration,
                                Integer actualDurationMinutes, String technicianNotes) {
    }

    BookingApi(StippleApi api) {
        super(api, "booking-service", StippleApi.Endpoints::booking);
    }

    private static String clinicPath(UUID clinicId) {
        return "/api/v1/clinics/" + clinicId;
    }

    /** The clinic's profile; empty when it has none yet (404). */
    public Optional<Clinic> clinic(UUID clinicId) {
        ApiReply reply = call("GET", clinicPath(clinicId)).send();
        return reply.status() == 404 ? Optional.empty() : Optional.of(reply.as(Clinic.class));
    }

    /** Creates (201) or replaces (200) the clinic's profile and opening hours (admin). */
    public Clinic putClinic(UUID clinicId, ClinicProfile profile) {
        return call("PUT", clinicPath(clinicId)).json(profile).fetch(Clinic.class);
    }

    public Treatment createTreatment(NewTreatment treatment, String idempotencySeed) {
        return call("POST", "/api/v1/treatments").idempotencyKey(idempotencySeed).json(treatment).fetch(Treatment.class);
    }

    /** The caller's clinic's whole catalogue. */
    public List<Treatment> treatments() {
        return call("GET", "/api/v1/treatments").fetchAll(Treatment.class);
    }

    /** The first page of the catalogue. */
    public Page<Treatment> treatments(int size) {
        return call("GET", "/api/v1/treatments").query("size", size).fetchPage(Treatment.class);
    }

    public Room createRoom(UUID clinicId, NewRoom room, String idempotencySeed) {
        return call("POST", clinicPath(clinicId) + "/rooms").idempotencyKey(idempotencySeed).json(room).fetch(Room.class);
    }

    public List<Room> rooms(UUID clinicId) {
        return call("GET", clinicPath(clinicId) + "/rooms").fetchAll(Room.class);
    }

    public Technician createTechnician(UUID clinicId, NewTechnician technician, String idempotencySeed) {
        return call("POST", clinicPath(clinicId) + "/technicians").idempotencyKey(idempotencySeed).json(technician)
                .fetch(Technician.class);
    }

    public List<Technician> technicians(UUID clinicId) {
        return call("GET", clinicPath(clinicId) + "/technicians").fetchAll(Technician.class);
    }

    public Ref createClosure(UUID clinicId, NewClosure closure, String idempotencySeed) {
        return call("POST", clinicPath(clinicId) + "/closures").idempotencyKey(idempotencySeed).json(closure).fetch(Ref.class);
    }

    public Ref createTimeOff(UUID clinicId, UUID technicianId, NewTimeOff timeOff, String idempotencySeed) {
        return call("POST", clinicPath(clinicId) + "/technicians/" + technicianId + "/time-off")
                .idempotencyKey(idempotencySeed).json(timeOff).fetch(Ref.class);
    }

    /** Free slots for a client's next session of a treatment (technician optional), clinic-local days. */
    public ApiCall availabilityCall(UUID treatmentId, UUID clientId, UUID technicianId, LocalDate from, LocalDate to) {
        return call("GET", "/api/v1/availability").query("treatmentId", treatmentId).query("clientId", clientId)
                .query("technicianId", technicianId).query("from", from).query("to", to);
    }

    public Availability availability(UUID treatmentId, UUID clientId, UUID technicianId, LocalDate from, LocalDate to) {
        return availabilityCall(treatmentId, clientId, technicianId, from, to).fetch(Availability.class);
    }

    /** Books (staff); the answer as it came: 201, or the rule that refused it. */
    public ApiCall bookCall(NewBooking booking, String idempotencySeed) {
        return call("POST", "/api/v1/bookings").idempotencyKey(idempotencySeed).json(booking);
    }

    public Booking book(NewBooking booking, String idempotencySeed) {
        return bookCall(booking, idempotencySeed).fetch(Booking.class);
    }

    public Versioned<Booking> booking(UUID bookingId) {
        return call("GET", "/api/v1/bookings/" + bookingId).fetchVersioned(Booking.class);
    }

    public Versioned<Booking> checkIn(UUID bookingId, String etag) {
        return call("POST", "/api/v1/bookings/" + bookingId + "/check-in").ifMatch(etag).fetchVersioned(Booking.class);
    }

    public Versioned<Booking> complete(UUID bookingId, String etag, SessionRecord record) {
        return call("POST", "/api/v1/bookings/" + bookingId + "/complete").ifMatch(etag).json(record)
                .fetchVersioned(Booking.class);
    }
}
