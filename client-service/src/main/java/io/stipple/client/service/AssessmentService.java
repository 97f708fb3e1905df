package io.stipple.client.service;

import io.stipple.client.domain.Assessment;
import io.stipple.client.domain.AuditAction;
import io.stipple.client.domain.Client;
import io.stipple.client.domain.Condition;
import io.stipple.client.domain.DesiredLook;
import io.stipple.client.domain.HairLossScale;
import io.stipple.client.domain.ScarDetails;
import io.stipple.client.messaging.ClientEventPublisher;
import io.stipple.client.repository.AssessmentRepository;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import io.stipple.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Hair-loss assessments: recorded by staff, read (and audited) by whoever may read the client. */
@ApplicationScoped
@Transactional
public class AssessmentService {

    /** Tolerated clock skew for a client-supplied "assessed at". */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    @Inject
    AssessmentRepository assessments;

    @Inject
    ClientAccess access;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    ClientEventPublisher events;

    @Inject
    Clock clock;

    /** A hair-loss assessment to record ({@code assessedAt} null: now). */
    public record NewAssessment(Instant assessedAt, HairLossScale scale, String stage, Condition condition,
                                Integer coveragePercent, Integer fitzpatrickType, String hairColour,
                                DesiredLook desiredLook, ScarDetails scar, String notes) {
    }

    public Assessment record(UUID clientId, NewAssessment r) {
        Client client = access.manageable(clientId);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Assessment a = new Assessment();
        a.id = UUID.randomUUID();
        a.clientId = client.id;
        a.clinicId = client.clinicId;
        a.assessedAt = notInFuture("assessedAt", r.assessedAt(), now);
        a.scale = r.scale();
        a.stage = r.stage() == null || r.stage().isBlank() ? null : r.stage().trim().toUpperCase(java.util.Locale.ROOT);
        a.condition = r.condition();
        a.coveragePercent = r.coveragePercent();
        a.fitzpatrickType = r.fitzpatrickType();
        a.hairColour = r.hairColour().trim();
        a.desiredLook = r.desiredLook();
        a.scar = r.scar();
        a.notes = r.notes();
        a.recordedBy = caller.actor();
        a.createdAt = now;
        a.checkConsistent();
        assessments.add(a);
        audit.record(client, AuditAction.CREATE, AuditLog.ASSESSMENT, a.id, a.scale + " " + a.stage + " " + a.condition);
        events.assessmentRecorded(a);
        return a;
    }

    public Page<Assessment> history(UUID clientId, PageQuery page) {
        Client client = access.readable(clientId);
        audit.record(client, AuditAction.READ, AuditLog.ASSESSMENT, null, "history page " + page.page);
        return assessments.history(clientId, page);
    }

    public Assessment get(UUID clientId, UUID assessmentId) {
        Client client = access.readable(clientId);
        Assessment a = assessments.findForClient(clientId, assessmentId)
                .orElseThrow(() -> ProblemException.notFound("Assessment"));
        audit.record(client, AuditAction.READ, AuditLog.ASSESSMENT, a.id, null);
        return a;
    }

    static Instant notInFuture(String field, Instant given, Instant now) {
        if (given == null) {
            return now;
        }
        if (given.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw ProblemException.invalidField(field, "must not be in the future");
        }
        return given.truncatedTo(ChronoUnit.MICROS);
    }
}
