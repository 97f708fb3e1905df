package io.stipple.client.service;

import io.stipple.client.domain.AuditAction;
import io.stipple.client.domain.AuditEntry;
import io.stipple.client.domain.Client;
import io.stipple.client.repository.AuditRepository;
import io.stipple.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Writes who read or changed medical data and consents, in the transaction of the access itself. */
@ApplicationScoped
public class AuditLog {

    public static final String CLIENT = "CLIENT";
    public static final String ASSESSMENT = "ASSESSMENT";
    public static final String SCREENING = "SCREENING";
    public static final String CONSENT = "CONSENT";

    @Inject
    AuditRepository audit;

    @Inject
    ClientAccess access;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Client client, AuditAction action, String resourceType, UUID resourceId, String detail) {
        record(client.clinicId, client.id, action, resourceType, resourceId, detail);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID clinicId, UUID clientId, AuditAction action, String resourceType, UUID resourceId,
                       String detail) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.clinicId = clinicId;
        entry.clientId = clientId;
        entry.occurredAt = Instant.now(clock);
        entry.actor = caller.actor();
        entry.actorRole = access.actorRole();
        entry.action = action;
        entry.resourceType = resourceType;
        entry.resourceId = resourceId;
        entry.detail = detail;
        audit.add(entry);
    }
}
