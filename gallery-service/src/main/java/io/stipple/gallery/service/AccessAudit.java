package io.stipple.gallery.service;

import io.stipple.gallery.domain.AccessAuditEntry;
import io.stipple.gallery.domain.Rendition;
import io.stipple.gallery.repository.AccessAuditRepository;
import io.stipple.platform.correlation.Correlation;
import io.stipple.platform.security.Caller;
import io.stipple.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Writes the audit trail of private image access, in the same transaction as the access it records. */
@ApplicationScoped
@Transactional
public class AccessAudit {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    AccessAuditRepository entries;

    /** Records an access by the authenticated caller. */
    public AccessAuditEntry byCaller(AccessAuditEntry.Action action, UUID clinicId, UUID clientId, UUID photoId,
                                     UUID setId, Rendition rendition) {
        return record(UUID.randomUUID(), action, clinicId, clientId, photoId, setId, rendition, caller.actor(), roleOf());
    }

    /** Records an access through a signed link, attributed to whoever the link was issued to. */
    public AccessAuditEntry throughLink(AccessAuditEntry issued, Rendition rendition) {
        return record(UUID.randomUUID(), AccessAuditEntry.Action.LINK_OPENED, issued.clinicId, issued.clientId,
                issued.photoId, null, rendition, "signed-link:" + issued.actor, issued.actorRole);
    }

    AccessAuditEntry record(UUID id, AccessAuditEntry.Action action, UUID clinicId, UUID clientId, UUID photoId,
                            UUID setId, Rendition rendition, String actor, String role) {
        AccessAuditEntry entry = new AccessAuditEntry();
        entry.id = id;
        entry.action = action;
        entry.clinicId = clinicId;
        entry.clientId = clientId;
        entry.photoId = photoId;
        entry.setId = setId;
        entry.rendition = rendition;
        entry.actor = actor;
        entry.actorRole = role;
        entry.correlationId = Correlation.current();
        entry.accessedAt = Instant.now(clock);
        entries.add(entry);
        return entry;
    }

    private String roleOf() {
        if (caller.isAdmin()) return Roles.ADMIN;
        if (caller.isStaff()) return Roles.STAFF;
        if (caller.isClient()) return Roles.CLIENT;
        return null;
    }
}
