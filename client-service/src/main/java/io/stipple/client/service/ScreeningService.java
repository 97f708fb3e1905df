package io.stipple.client.service;

import io.stipple.client.config.ClientConfig;
import io.stipple.client.domain.AuditAction;
import io.stipple.client.domain.Client;
import io.stipple.client.domain.Screening;
import io.stipple.client.domain.ScreeningAnswers;
import io.stipple.client.messaging.ClientEventPublisher;
import io.stipple.client.repository.ScreeningRepository;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.web.ETags;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import io.stipple.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Medical screenings and the eligibility derived from them; staff mark reviews. Every access is audited. */
@ApplicationScoped
@Transactional
public class ScreeningService {

    @Inject
    ScreeningRepository screenings;

    @Inject
    ClientAccess access;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    ClientEventPublisher events;

    @Inject
    ClientConfig config;

    @Inject
    Clock clock;

    /** A medical screening to record: every question answered ({@code screenedAt} null: now). */
    public record NewScreening(Instant screenedAt, List<String> allergies, Boolean pigmentAllergy,
                               Boolean keloidTendency, Boolean bloodThinners, Boolean psoriasis, Boolean eczema,
                               Boolean activeScalpInfection, Boolean pregnant, Boolean guardianConsent, String notes) {
    }

    public Screening record(UUID clientId, NewScreening r) {
        Client client = access.manageable(clientId);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Screening s = new Screening();
        s.id = UUID.randomUUID();
        s.clientId = client.id;
        s.clinicId = client.clinicId;
        s.screenedAt = AssessmentService.notInFuture("screenedAt", r.screenedAt(), now);
        s.apply(new ScreeningAnswers(
                r.allergies() == null ? List.of() : r.allergies().stream().map(String::trim).toList(),
                r.pigmentAllergy(), r.keloidTendency(), r.bloodThinners(), r.psoriasis(), r.eczema(),
                r.activeScalpInfection(), r.pregnant(), client.isMinorAt(s.screenedAt, config.adultAge()),
                r.guardianConsent()));
        s.notes = r.notes();
        s.recordedBy = caller.actor();
        s.createdAt = now;
        screenings.add(s);
        audit.record(client, AuditAction.CREATE, AuditLog.SCREENING, s.id, "eligibility " + s.eligibility);
        events.screeningRecorded(s);
        return s;
    }

    public Page<Screening> history(UUID clientId, PageQuery page) {
        Client client = access.readable(clientId);
        audit.record(client, AuditAction.READ, AuditLog.SCREENING, null, "history page " + page.page);
        return screenings.history(clientId, page);
    }

    public Screening get(UUID clientId, UUID screeningId) {
        Client client = access.readable(clientId);
        Screening s = find(clientId, screeningId);
        audit.record(client, AuditAction.READ, AuditLog.SCREENING, s.id, null);
        return s;
    }

    /** A practitioner has reviewed the findings: a NEEDS_REVIEW screening then allows treatment. */
    public Screening review(UUID clientId, UUID screeningId, long expectedVersion, String notes) {
        Client client = access.manageable(clientId);
        Screening s = find(clientId, screeningId);
        ETags.checkCurrent(expectedVersion, s.version);
        s.markReviewed(caller.actor(), Instant.now(clock).truncatedTo(ChronoUnit.MICROS), notes);
        screenings.flushChanges();
        audit.record(client, AuditAction.REVIEW, AuditLog.SCREENING, s.id, "marked reviewed");
        events.screeningRecorded(s);
        return s;
    }

    private Screening find(UUID clientId, UUID screeningId) {
        return screenings.findForClient(clientId, screeningId).orElseThrow(() -> ProblemException.notFound("Screening"));
    }
}
