package io.stipple.gallery.service;

import io.stipple.gallery.domain.AccessAuditEntry;
import io.stipple.gallery.domain.ClientProfile;
import io.stipple.gallery.domain.CompletedSession;
import io.stipple.gallery.domain.Photo;
import io.stipple.gallery.domain.PhotoSet;
import io.stipple.gallery.repository.AccessAuditRepository;
import io.stipple.gallery.repository.ClientProfileRepository;
import io.stipple.gallery.repository.CompletedSessionRepository;
import io.stipple.gallery.repository.PhotoRepository;
import io.stipple.gallery.repository.PhotoSetRepository;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * GDPR export (Art. 15/20) of gallery-service's part: everything it holds about one client of the caller's clinic —
 * the profile projected from client-service (photo consents and the facts the public gallery filters on), the
 * photos' metadata (the images themselves are fetched from {@code GET /api/v1/gallery/photos/{id}/content}), the
 * before/after sets, the completed sessions the photos are linked to and every access to the client's images.
 *
 * <p>Staff of the clinic or the client themself; anyone else, and a client this clinic does not know (never
 * registered here, or erased), gets 404.
 */
@ApplicationScoped
@Transactional
public class ClientExportService {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    ClientProfileRepository profiles;

    @Inject
    PhotoRepository photoRows;

    @Inject
    PhotoSetRepository setRows;

    @Inject
    CompletedSessionRepository sessionRows;

    @Inject
    AccessAuditRepository auditRows;

    /** Everything held about the client at one moment. */
    public record Snapshot(Instant at, UUID clinicId, ClientProfile profile, List<Photo> photos, List<PhotoSet> sets,
                           List<CompletedSession> sessions, List<AccessAuditEntry> accessLog) {
    }

    public Snapshot export(UUID clientId) {
        UUID clinicId = caller.clinicId();
        if (caller.isPartner() || !caller.mayAccessClient(clientId)) {
            throw ProblemException.notFound("Client " + clientId);
        }
        ClientProfile profile = profiles.of(clinicId, clientId).filter(p -> !p.erased())
                .orElseThrow(() -> ProblemException.notFound("Client " + clientId));
        List<Photo> photos = photoRows.ofClientInOrder(clinicId, clientId);
        List<PhotoSet> sets = setRows.ofClientInOrder(clinicId, clientId);
        List<CompletedSession> sessions = sessionRows.ofClientInOrder(clinicId, clientId);
        List<AccessAuditEntry> accessLog = auditRows.ofClientInOrder(clinicId, clientId);
        return new Snapshot(Instant.now(clock).truncatedTo(ChronoUnit.MICROS), clinicId, profile, photos, sets,
                sessions, accessLog);
    }
}
