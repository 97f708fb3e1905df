package io.stipple.gallery.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One access to a private image (or the issuing of a link to one): who, what, how, when. */
@Entity
@Table(name = "access_audit")
public class AccessAuditEntry extends PanacheEntityBase {

    public enum Action {
        /** The image bytes were streamed to an authenticated caller. */
        STREAMED,
        /** A signed link was issued to an authenticated caller. */
        LINK_ISSUED,
        /** The image bytes were served through a signed link. */
        LINK_OPENED,
        /** A composite of the set was served to an authenticated caller. */
        COMPOSITE_STREAMED
    }

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    /** Null once the client is erased. */
    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "photo_id")
    public UUID photoId;

    @Column(name = "set_id")
    public UUID setId;

    @Enumerated(EnumType.STRING)
    @Column(name = "rendition")
    public Rendition rendition;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    /** Token subject, or {@code signed-link:<subject who issued it>}. */
    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(name = "correlation_id")
    public String correlationId;

    @Column(name = "accessed_at", nullable = false)
    public Instant accessedAt;
}
