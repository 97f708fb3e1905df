package io.stipple.booking.service;

import io.stipple.booking.domain.Booking;
import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may do what with bookings: staff and admins of the clinic everything; a client only their own bookings;
 * a partner (a registered, active partner of the token's clinic: the platform's {@code PartnerTokenGuard} refuses
 * any other partner token) only for clients of its clinic that currently share with it, as the platform's
 * {@link PartnerDirectory} knows from client-service's events. Everyone else is told "not found".
 */
@RequestScoped
public class Access {

    @Inject
    Caller caller;

    @Inject
    PartnerDirectory partnerDirectory;

    /** Set for a request that came with a booking's manage link: the link's clinic and the booking's client. */
    private UUID linkClinic;
    private UUID linkClient;

    /**
     * This request acts through a booking's manage link (see {@link ManageLinks}): as that booking's client, in its
     * clinic, and nothing more — whatever token (if any) came with it.
     */
    void actAsLinkHolder(UUID clinicId, UUID clientId) {
        this.linkClinic = clinicId;
        this.linkClient = clientId;
    }

    private boolean viaLink() {
        return linkClinic != null;
    }

    public UUID clinicId() {
        return viaLink() ? linkClinic : caller.clinicId();
    }

    /** Path clinic ids must be the token's clinic: another clinic's data does not exist for this caller. */
    public UUID requireOwnClinic(UUID pathClinicId) {
        UUID own = caller.clinicId();
        if (!own.equals(pathClinicId)) {
            throw ProblemException.notFound("Clinic " + pathClinicId);
        }
        return own;
    }

    public boolean isStaff() {
        return !viaLink() && caller.isStaff();
    }

    public boolean isAdmin() {
        return !viaLink() && caller.isAdmin();
    }

    public boolean isClient() {
        return viaLink() || caller.isClient();
    }

    public boolean isPartner() {
        return !viaLink() && caller.isPartner();
    }

    public Optional<String> partnerId() {
        return caller.partnerId();
    }

    /** The client a booking is for: a client token books only for itself, others must name the client. */
    public UUID bookingClient(UUID requested) {
        if (viaLink()) {
            if (requested != null && !requested.equals(linkClient)) throw ProblemException.notFound("Client " + requested);
            return linkClient;
        }
        if (caller.isStaff()) {
            if (requested == null) throw ProblemException.invalidField("clientId", "must not be null");
            return requested;
        }
        if (caller.isClient()) {
            UUID own = caller.clientId().orElseThrow(() -> ProblemException.forbidden("the token names no client"));
            if (requested != null && !requested.equals(own)) {
                throw ProblemException.notFound("Client " + requested);
            }
            return own;
        }
        if (caller.isPartner()) {
            if (requested == null) throw ProblemException.invalidField("clientId", "must not be null");
            if (!sharedWithPartner(requested)) {
                throw ProblemException.notFound("Client " + requested);
            }
            return requested;
        }
        throw ProblemException.forbidden("this role may not book");
    }

    /** May the caller see records of this client (in the caller's clinic)? */
    public boolean mayAccessClient(UUID clientId) {
        if (viaLink()) return clientId != null && clientId.equals(linkClient);
        if (caller.isStaff()) return true;
        if (clientId == null) return false;
        if (caller.isClient()) return caller.clientId().map(clientId::equals).orElse(false);
        if (caller.isPartner()) return sharedWithPartner(clientId);
        return false;
    }

    public boolean maySee(Booking booking) {
        return booking.clinicId.equals(clinicId()) && mayAccessClient(booking.clientId);
    }

    /** The clients of the caller's clinic that share with the calling partner (a partner's whole view). */
    public List<UUID> clientsSharedWithPartner() {
        String partner = caller.partnerId().orElseThrow(() -> ProblemException.forbidden("the token names no partner"));
        return partnerDirectory.clientsSharedWith(caller.clinicId(), partner);
    }

    private boolean sharedWithPartner(UUID clientId) {
        return caller.partnerId().map(p -> partnerDirectory.sharesWith(caller.clinicId(), clientId, p)).orElse(false);
    }
}
