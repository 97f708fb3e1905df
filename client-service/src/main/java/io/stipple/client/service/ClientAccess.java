package io.stipple.client.service;

import io.stipple.client.domain.Client;
import io.stipple.client.repository.ClientRepository;
import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.security.Caller;
import io.stipple.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may reach which client record, always inside the clinic of the verified token (PostgreSQL's Row-Level
 * Security enforces the clinic as well; these checks say who within it). Staff and admins: their clinic's
 * clients. A client token: its own record, in its token's clinic. A partner token: read-only, the clients of its
 * clinic that currently share with it while it is an ACTIVE registered partner of that clinic
 * ({@link PartnerDirectory#sharesWith}); the same partner id in another clinic is another partner. Anything else is
 * 404, exactly as for a record that does not exist.
 */
@ApplicationScoped
public class ClientAccess {

    @Inject
    Caller caller;

    @Inject
    ClientRepository clients;

    @Inject
    PartnerDirectory partners;

    /** A record the caller may read (staff of its clinic, the client themself, a partner it is shared with). */
    public Client readable(UUID clientId) {
        Optional<Client> client;
        if (caller.isStaff()) {
            client = clients.findInClinic(clientId, caller.clinicId());
        } else if (caller.isClient()) {
            client = ownRecord(clientId);
        } else if (caller.isPartner()) {
            client = caller.clinicIdIfPresent().flatMap(clinic -> caller.partnerId()
                    .filter(partner -> partners.sharesWith(clinic, clientId, partner))
                    .flatMap(partner -> clients.findInClinic(clientId, clinic)));
        } else {
            client = Optional.empty();
        }
        return client.orElseThrow(ClientAccess::notFound);
    }

    /** A record the caller may change: staff or admins of its clinic only. */
    public Client manageable(UUID clientId) {
        if (!caller.isStaff()) {
            throw notFound();
        }
        return clients.findInClinic(clientId, caller.clinicId()).orElseThrow(ClientAccess::notFound);
    }

    /** Staff of the clinic, or the client themself (own consents, own export). */
    public Client staffOrSelf(UUID clientId) {
        if (caller.isStaff()) {
            return manageable(clientId);
        }
        if (caller.isClient()) {
            return ownRecord(clientId).orElseThrow(ClientAccess::notFound);
        }
        throw notFound();
    }

    /** For lists: the clinic to scope to, and for a client or partner token the only ids within it it may see. */
    public Scope listScope() {
        if (caller.isStaff()) {
            return new Scope(caller.clinicId(), null);
        }
        Optional<UUID> clinic = caller.clinicIdIfPresent();
        if (clinic.isEmpty()) {
            return new Scope(null, List.of());
        }
        if (caller.isClient()) {
            return new Scope(clinic.get(), caller.clientId().map(List::of).orElse(List.of()));
        }
        if (caller.isPartner()) {
            return new Scope(clinic.get(), caller.partnerId()
                    .map(partner -> partners.clientsSharedWith(clinic.get(), partner)).orElse(List.of()));
        }
        return new Scope(null, List.of());
    }

    /** The caller's most privileged role, for the audit log. */
    public String actorRole() {
        if (caller.isAdmin()) return Roles.ADMIN;
        if (caller.isStaff()) return Roles.STAFF;
        if (caller.isClient()) return Roles.CLIENT;
        if (caller.isPartner()) return Roles.PARTNER;
        return "unknown";
    }

    public boolean isAdmin() {
        return caller.isAdmin();
    }

    /** A client token's own record, in the token's clinic only. */
    private Optional<Client> ownRecord(UUID clientId) {
        return caller.clinicIdIfPresent().flatMap(clinic -> caller.clientId().filter(clientId::equals)
                .flatMap(own -> clients.findInClinic(own, clinic)));
    }

    public static ProblemException notFound() {
        return ProblemException.notFound("Client");
    }

    /** The clinic (null: nothing), and when not null the only client ids of it the caller may see. */
    public record Scope(UUID clinicId, List<UUID> onlyIds) {
    }
}
