package io.stipple.client.service;

import io.stipple.client.domain.Client;
import io.stipple.client.repository.ClientRepository;
import io.stipple.client.repository.ConsentRepository;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.security.Caller;
import io.stipple.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may reach which client record. Staff and admins: their clinic's clients. A client token: its own record.
 * A partner token: read-only, the clients with a current PARTNER_SHARING consent naming that partner. Anything
 * else is 404, exactly as for a record that does not exist.
 */
@ApplicationScoped
public class ClientAccess {

    @Inject
    Caller caller;

    @Inject
    ClientRepository clients;

    @Inject
    ConsentRepository consents;

    /** A record the caller may read (staff of its clinic, the client themself, a partner it is shared with). */
    public Client readable(UUID clientId) {
        Optional<Client> client;
        if (caller.isStaff()) {
            client = clients.findInClinic(clientId, caller.clinicId());
        } else if (caller.isClient()) {
            client = ownRecord(clientId);
        } else if (caller.isPartner()) {
            client = caller.partnerId()
                    .filter(partner -> consents.sharedWith(clientId, partner))
                    .flatMap(partner -> clients.findByIdOptional(clientId));
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

    /** For lists: the clinic to scope to (staff), or else the only ids the caller may see. */
    public Scope listScope() {
        if (caller.isStaff()) {
            return new Scope(caller.clinicId(), null);
        }
        if (caller.isClient()) {
            return new Scope(null, caller.clientId().map(List::of).orElse(List.of()));
        }
        if (caller.isPartner()) {
            return new Scope(null, caller.partnerId().map(consents::clientsSharedWith).orElse(List.of()));
        }
        return new Scope(null, List.of());
    }

    public String actor() {
        String subject = caller.subject();
        return subject == null ? "unknown" : subject;
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

    private Optional<Client> ownRecord(UUID clientId) {
        return caller.clientId().filter(clientId::equals).flatMap(clients::findByIdOptional);
    }

    public static ProblemException notFound() {
        return ProblemException.notFound("Client");
    }

    /** Either a clinic or an explicit set of client ids. */
    public record Scope(UUID clinicId, List<UUID> onlyIds) {
    }
}
