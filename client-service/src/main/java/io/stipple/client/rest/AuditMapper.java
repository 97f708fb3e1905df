package io.stipple.client.rest;

import io.stipple.client.domain.AuditEntry;

public final class AuditMapper {

    public static AuditEntryView toView(AuditEntry e) {
        return new AuditEntryView(e.occurredAt, e.actor, e.actorRole, e.action, e.resourceType, e.resourceId, e.detail);
    }

    private AuditMapper() {
    }
}
