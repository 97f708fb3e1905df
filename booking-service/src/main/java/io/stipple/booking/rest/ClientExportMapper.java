package io.stipple.booking.rest;

import io.stipple.booking.domain.ClientProjection;
import io.stipple.booking.domain.PlanProjection;
import io.stipple.booking.service.ClientExportService;

/** The client projection (client and plan facts) with its bookings, as a client's GDPR export part: snapshot → view. */
public final class ClientExportMapper {

    private ClientExportMapper() {
    }

    public static BookingClientExport view(ClientExportService.Snapshot s) {
        return new BookingClientExport(s.at(), s.clinicId(), s.client().clientId, facts(s.client()),
                s.plans().stream().map(ClientExportMapper::plan).toList(),
                s.bookings().stream().map(b -> BookingMapper.view(b, s.zone(), PaymentMapper.exported(s.deposits().get(b.id))))
                        .toList(),
                s.sessionRecords().stream().map(BookingMapper::view).toList());
    }

    private static ClientFacts facts(ClientProjection c) {
        return new ClientFacts(c.firstName, c.lastName, c.sex, c.scale, c.stage, c.condition, c.coveragePercent,
                c.eligibility, c.screeningReviewed, c.updatedAt);
    }

    private static PlanFacts plan(PlanProjection p) {
        return new PlanFacts(p.planId, p.treatmentType, p.plannedSessions, p.healingIntervalDays, p.scale, p.stage,
                p.condition, p.coveragePercent, p.eligibility, p.sex, p.status, p.agreedAt, p.closedAt, p.updatedAt);
    }
}
