package io.stipple.client.service;

import io.stipple.client.domain.Assessment;
import io.stipple.client.domain.AuditAction;
import io.stipple.client.domain.AuditEntry;
import io.stipple.client.domain.Client;
import io.stipple.client.domain.ConsentRecord;
import io.stipple.client.domain.Screening;
import io.stipple.client.domain.TreatmentPlan;
import io.stipple.client.messaging.ClientEventPublisher;
import io.stipple.client.repository.AssessmentRepository;
import io.stipple.client.repository.AuditRepository;
import io.stipple.client.repository.ClientRepository;
import io.stipple.client.repository.ConsentRepository;
import io.stipple.client.repository.ScreeningRepository;
import io.stipple.client.repository.TreatmentPlanRepository;
import io.stipple.platform.erasure.ClientErasure;
import io.stipple.platform.security.Caller;
import io.stipple.platform.security.Roles;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** GDPR: export everything held about a client, erase it, and the access audit readable by admins. */
@ApplicationScoped
@Transactional
public class PrivacyService {

    /** What an erased client's own actions are attributed to in the audit log from then on. */
    public static final String ERASED_ACTOR = "erased-client";

    /** The audit detail of an export taken for the archive across the four services. */
    public static final String ARCHIVE = "archive";

    @Inject
    ClientRepository clients;

    @Inject
    ClientKeys clientKeys;

    @Inject
    AssessmentRepository assessments;

    @Inject
    ScreeningRepository screenings;

    @Inject
    ConsentRepository consents;

    @Inject
    TreatmentPlanRepository plans;

    @Inject
    AuditRepository auditEntries;

    @Inject
    ClientErasure platformErasure;

    @Inject
    ClientAccess access;

    @Inject
    AuditLog audit;

    @Inject
    ClientEventPublisher events;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** Everything held about a client, for staff or the client themself; the export is audited. */
    public Snapshot export(UUID clientId) {
        return export(clientId, null);
    }

    /** {@link #export(UUID)}, audited with a detail (e.g. {@link #ARCHIVE}). */
    public Snapshot export(UUID clientId, String detail) {
        Client client = access.staffOrSelf(clientId);
        audit.record(client, AuditAction.EXPORT, AuditLog.CLIENT, client.id, detail);
        return new Snapshot(Instant.now(clock).truncatedTo(ChronoUnit.MICROS), client, assessments.all(clientId),
                screenings.all(clientId), consents.history(clientId), plans.all(clientId), auditEntries.all(clientId));
    }

    /**
     * The clinic of a client whose export the caller may take (staff of the clinic, or the client themself), else
     * 404 as for every other client. Not audited: the export itself is, once it is taken.
     */
    public UUID exportable(UUID clientId) {
        return access.staffOrSelf(clientId).clinicId;
    }

    /**
     * Erases the client: their records go, the audit log keeps only who-did-what-when without personal content,
     * the outbox loses the client's events (sent or not) and the idempotency store every stored response that
     * carries the client, and the partner-sharing projection forgets it; the client's event key is destroyed; then ClientErased (ids only) tells every
     * other service to purge theirs.
     */
    public void erase(UUID clientId) {
        Client client = access.manageable(clientId);
        // nothing is recorded for the client while it is erased (consents, agreements wait, then find no client)
        clients.lock(client, LockModeType.PESSIMISTIC_WRITE);
        UUID clinicId = client.clinicId;
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        assessments.deleteForClient(clientId);
        screenings.deleteForClient(clientId);
        consents.deleteForClient(clientId);
        plans.deleteForClient(clientId);
        auditEntries.anonymise(clientId, ERASED_ACTOR, Roles.CLIENT);
        clients.deleteNow(client);
        // the owner drops the client's events even if not sent yet (ClientErased, written below, supersedes them);
        // the partner registry's events are keyed by partner id
        clients.deleteOutboxEvents(clientId);
        // the platform's stores: kept Idempotency-Key responses naming the client, partner sharing, and the client
        // recorded as erased so the relay deletes ClientErased's row as soon as it is sent
        platformErasure.forgetClient(clinicId, clientId);
        // crypto-shredding: the key of the client's sealed event fields goes, so every copy of those events on Kafka
        // (the topic, dead-letter topics, their backups) is unreadable from this commit on
        clientKeys.destroy(clinicId, clientId);
        audit.record(clinicId, clientId, AuditAction.ERASE, AuditLog.CLIENT, clientId, null);
        events.erased(clinicId, clientId, now);
    }

    /** The access audit of a client of the caller's clinic (also after erasure), oldest first. */
    public Page<AuditEntry> auditTrail(UUID clientId, PageQuery page) {
        UUID clinicId = caller.clinicId();
        Page<AuditEntry> entries = auditEntries.forClient(clinicId, clientId, page);
        if (entries.totalItems() == 0 && clients.findInClinic(clientId, clinicId).isEmpty()) {
            throw ClientAccess.notFound();
        }
        return entries;
    }

    /** All a client's data at one moment. */
    public record Snapshot(Instant at, Client client, List<Assessment> assessments, List<Screening> screenings,
                           List<ConsentRecord> consentHistory, List<TreatmentPlan> plans, List<AuditEntry> accessLog) {
    }
}
