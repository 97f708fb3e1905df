package io.stipple.client.service;

import io.stipple.client.domain.Partner;
import io.stipple.client.domain.PartnerStatus;
import io.stipple.client.messaging.ClientEventPublisher;
import io.stipple.client.repository.PartnerRepository;
import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.security.Caller;
import io.stipple.platform.web.ETags;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The clinic's partner registry. client-service owns it: each change is written to its own {@code partner} table,
 * to the platform's {@code partner_registry} (what every service's token guard and sharing checks read) and to
 * the outbox (PartnerRegistered / PartnerUpdated, which the other services project), in one transaction.
 */
@ApplicationScoped
@Transactional
public class PartnerService {

    @Inject
    PartnerRepository partners;

    @Inject
    PartnerDirectory directory;

    @Inject
    ClientEventPublisher events;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** A partner to register under the id the clinic chose. */
    public record NewPartner(String partnerId, String name) {
    }

    /** A registered partner's new name and status. */
    public record PartnerChange(String name, PartnerStatus status) {
    }

    public Partner register(NewPartner r) {
        UUID clinicId = caller.clinicId();
        Partner partner = Partner.register(clinicId, r.partnerId(), r.name(), now());
        if (partners.findInClinic(clinicId, partner.partnerId).isPresent()) {
            throw alreadyRegistered(partner.partnerId);
        }
        partners.add(partner);
        flush(partner.partnerId);
        directory.register(clinicId, partner.partnerId, partner.name, partner.status.name(), partner.updatedAt);
        events.partnerRegistered(partner);
        return partner;
    }

    public Page<Partner> list(PageQuery page) {
        return partners.forClinic(caller.clinicId(), page);
    }

    public Partner get(String partnerId) {
        return partners.findInClinic(caller.clinicId(), partnerId)
                .orElseThrow(() -> ProblemException.notFound("Partner"));
    }

    /** New name and status if {@code expectedVersion} is current (412 otherwise). */
    public Partner update(String partnerId, long expectedVersion, PartnerChange r) {
        Partner partner = get(partnerId);
        ETags.checkCurrent(expectedVersion, partner.version);
        partner.change(r.name(), r.status(), now());
        partners.flushChanges();
        directory.register(partner.clinicId, partner.partnerId, partner.name, partner.status.name(), partner.updatedAt);
        events.partnerUpdated(partner);
        return partner;
    }

    /** Flushes now so a registration of the same id at the same moment (primary key) is a 409, not a 500. */
    private void flush(String partnerId) {
        try {
            partners.flushChanges();
        } catch (PersistenceException e) {
            if (Constraints.violated(e, "partner_pkey")) {
                throw alreadyRegistered(partnerId);
            }
            throw e;
        }
    }

    private static ProblemException alreadyRegistered(String partnerId) {
        return ProblemException.conflict("partner-exists", "The clinic already registered partner " + partnerId)
                .with("partnerId", partnerId);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
