package io.stipple.booking.service;

import io.stipple.booking.domain.Booking;
import io.stipple.booking.domain.ClientProjection;
import io.stipple.booking.domain.Clinic;
import io.stipple.booking.domain.PlanProjection;
import io.stipple.booking.domain.SessionRecord;
import io.stipple.booking.repository.BookingRepository;
import io.stipple.booking.repository.ClinicRepository;
import io.stipple.booking.repository.ProjectionRepository;
import io.stipple.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * GDPR export (Art. 15/20) of booking-service's part: everything it holds about one client of the caller's clinic —
 * what client-service told it (the client projection and the client's plans), every booking of the client
 * (consultations included, whatever their state) and every session record. client-service's
 * {@code GET /api/v1/clients/{id}/export/archive} puts it into the client's archive.
 *
 * <p>Staff of the clinic or the client themself; anyone else, and a client this clinic does not know (never
 * registered here, or erased), gets 404: nothing is held, or nothing the caller may see.
 */
@ApplicationScoped
@Transactional
public class ClientExportService {

    @Inject
    Access access;

    @Inject
    ProjectionRepository projections;

    @Inject
    BookingRepository bookings;

    @Inject
    ClinicRepository clinics;

    @Inject
    Clock clock;

    @Inject
    PaymentService payments;

    /** Everything held about the client at one moment, and the clinic's zone its booking times are shown in. */
    public record Snapshot(Instant at, UUID clinicId, ClientProjection client, List<PlanProjection> plans,
                           List<Booking> bookings, List<SessionRecord> sessionRecords, ZoneId zone,
                           Map<UUID, PaymentService.Deposit> deposits) {
    }

    public Snapshot export(UUID clientId) {
        UUID clinicId = access.clinicId();
        if (access.isPartner() || !access.mayAccessClient(clientId)) {
            throw ProblemException.notFound("Client " + clientId);
        }
        ClientProjection client = projections.client(clinicId, clientId).filter(c -> !c.erased())
                .orElseThrow(() -> ProblemException.notFound("Client " + clientId));
        List<PlanProjection> plans = projections.plansOf(clinicId, clientId);
        List<Booking> ofClient = bookings.ofClient(clinicId, clientId);
        List<SessionRecord> records = ofClient.isEmpty() ? List.of()
                : bookings.sessionRecordsOf(clinicId, ofClient.stream().map(b -> b.id).toList());
        ZoneId zone = clinics.find(clinicId).map(Clinic::zone).orElse(ZoneOffset.UTC);
        return new Snapshot(Instant.now(clock).truncatedTo(ChronoUnit.MICROS), clinicId, client, plans, ofClient,
                records, zone, payments.depositsOf(clinicId, ofClient));
    }
}
