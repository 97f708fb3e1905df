package io.stipple.client.service;

import io.stipple.client.domain.AuditAction;
import io.stipple.client.domain.Client;
import io.stipple.client.domain.ConsentAction;
import io.stipple.client.domain.ConsentRecord;
import io.stipple.client.domain.ConsentScope;
import io.stipple.client.domain.ConsentState;
import io.stipple.client.messaging.ClientEventPublisher;
import io.stipple.client.repository.ClientRepository;
import io.stipple.client.repository.ConsentRepository;
import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import io.stipple.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Consents: granted and withdrawn by staff or by the client themself; history kept; every access audited. A
 * client's consent changes are serialised (row lock on the client), so the check and the change are one step and
 * the history's order is the order of the changes' times. PARTNER_SHARING also writes the platform's
 * partner-sharing projection in the same transaction.
 */
@ApplicationScoped
@Transactional
public class ConsentService {

    @Inject
    ConsentRepository consents;

    @Inject
    ClientRepository clients;

    @Inject
    PartnerDirectory partners;

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

    /** A consent to grant: the scope, the partner for PARTNER_SHARING only, the version of the text agreed to. */
    public record Grant(ConsentScope scope, String partnerId, String textVersion) {
    }

    /** A consent to withdraw: the scope, and the partner for PARTNER_SHARING only. */
    public record Withdrawal(ConsentScope scope, String partnerId) {
    }

    /** PARTNER_SHARING names an ACTIVE partner registered by the client's clinic (422 unknown-partner otherwise). */
    public ConsentRecord grant(UUID clientId, Grant r) {
        Client client = access.staffOrSelf(clientId);
        String partnerId = partner(r.scope(), r.partnerId());
        clients.lock(client, LockModeType.PESSIMISTIC_WRITE);
        if (partnerId != null && !partners.isActive(client.clinicId, partnerId)) {
            throw ProblemException.unprocessable("unknown-partner",
                            "The clinic has no active registered partner " + partnerId + " to share with")
                    .with("partnerId", partnerId);
        }
        return record(client, r.scope(), partnerId, ConsentAction.GRANTED, r.textVersion().trim());
    }

    /** Withdrawal takes effect at once: the scope is not granted from this record on. */
    public ConsentRecord withdraw(UUID clientId, Withdrawal r) {
        Client client = access.staffOrSelf(clientId);
        String partnerId = partner(r.scope(), r.partnerId());
        // one consent change of a client at a time: what is withdrawn is what is granted now
        clients.lock(client, LockModeType.PESSIMISTIC_WRITE);
        ConsentRecord grant = consents.state(clientId).grantToWithdraw(r.scope(), partnerId);
        return record(client, r.scope(), partnerId, ConsentAction.WITHDRAWN, grant.textVersion);
    }

    public ConsentState current(UUID clientId) {
        Client client = access.readable(clientId);
        audit.record(client, AuditAction.READ, AuditLog.CONSENT, null, "current consents");
        return consents.state(clientId);
    }

    /** One grant or withdrawal of the client's (404 if the client has no such record, as for any unknown client). */
    public ConsentRecord record(UUID clientId, UUID consentId) {
        Client client = access.readable(clientId);
        ConsentRecord record = consents.ofClient(clientId, consentId)
                .orElseThrow(() -> ProblemException.notFound("consent record " + consentId));
        audit.record(client, AuditAction.READ, AuditLog.CONSENT, consentId, "consent record");
        return record;
    }

    public Page<ConsentRecord> history(UUID clientId, PageQuery page) {
        Client client = access.readable(clientId);
        audit.record(client, AuditAction.READ, AuditLog.CONSENT, null, "history page " + page.page);
        return consents.history(clientId, page);
    }

    private ConsentRecord record(Client client, ConsentScope scope, String partnerId, ConsentAction action,
                                 String textVersion) {
        ConsentRecord r = new ConsentRecord();
        r.id = UUID.randomUUID();
        r.clientId = client.id;
        r.clinicId = client.clinicId;
        r.scope = scope;
        r.partnerId = partnerId;
        r.action = action;
        r.textVersion = textVersion;
        r.occurredAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        r.recordedBy = caller.actor();
        r.recordedRole = access.actorRole();
        consents.add(r);
        consents.flushChanges();
        if (scope.perPartner()) {
            // the projection every service checks ("client X shares with partner P"), in the same transaction
            partners.share(client.clinicId, client.id, partnerId, r.isGrant(), r.occurredAt);
        }
        audit.record(client, action == ConsentAction.GRANTED ? AuditAction.GRANT : AuditAction.WITHDRAW,
                AuditLog.CONSENT, r.id, scope + (partnerId == null ? "" : " " + partnerId) + " " + textVersion);
        events.consentChanged(r);
        return r;
    }

    private static String partner(ConsentScope scope, String partnerId) {
        boolean given = partnerId != null && !partnerId.isBlank();
        if (scope.perPartner() && !given) {
            throw ProblemException.invalidField("partnerId", "is required for PARTNER_SHARING");
        }
        if (!scope.perPartner() && given) {
            throw ProblemException.invalidField("partnerId", "is only for PARTNER_SHARING");
        }
        return given ? partnerId.trim() : null;
    }
}
