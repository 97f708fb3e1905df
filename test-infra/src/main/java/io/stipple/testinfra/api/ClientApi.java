package io.stipple.testinfra.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** client-service's operations the seeding and the journeys use ({@code /api/v1/clients}, {@code /api/v1/partners}). */
public final class ClientApi extends ServiceApi {

    public record Registration(String firstName, String lastName, String email, String phone, LocalDate dateOfBirth,
                               String sex, String timeZone, String locale, List<String> preferredChannels,
                               Boolean marketingOptIn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Client(UUID id, String firstName, String lastName, String email) {
    }

    public record Scar(Integer lengthMm, Integer widthMm, Integer areaCm2, String maturity) {
    }

    public record Assessment(String scale, String stage, String condition, Integer coveragePercent,
                             Integer fitzpatrickType, String hairColour, String desiredLook, Scar scar, String notes) {
    }

    public record Screening(List<String> allergies, Boolean pigmentAllergy, Boolean keloidTendency,
                            Boolean bloodThinners, Boolean psoriasis, Boolean eczema, Boolean activeScalpInfection,
                            Boolean pregnant, Boolean guardianConsent, String notes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ScreeningResult(UUID id, String eligibility) {
    }

    /** A consent to grant; {@code partnerId} names the partner for {@code PARTNER_SHARING} only. */
    public record ConsentGrant(String scope, String partnerId, String textVersion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Consent(UUID id, String scope, String partnerId) {
    }

    /** The current state per scope (and per partner for {@code PARTNER_SHARING}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Consents(List<ConsentStatus> current) {

        public boolean granted(String scope, String partnerId) {
            return current != null && current.stream().anyMatch(c -> scope.equals(c.scope()) && c.granted()
                    && (partnerId == null || partnerId.equals(c.partnerId())));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConsentStatus(String scope, String partnerId, boolean granted) {
    }

    /** A treatment plan to propose; a healing interval below the minimum needs the reason, and an admin. */
    public record PlanProposal(String treatmentType, Integer plannedSessions, Integer healingIntervalDays,
                               String healingIntervalOverrideReason, String hairlineDesignNotes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Plan(UUID id, String status, Integer healingIntervalDays) {
    }

    public record NewPartner(String partnerId, String name) {
    }

    public record PartnerUpdate(String name, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Partner(String partnerId, String name, String status, long version) {
    }

    ClientApi(StippleApi api) {
        super(api, "client-service", StippleApi.Endpoints::client);
    }

    private static String client(UUID clientId) {
        return "/api/v1/clients/" + clientId;
    }

    public Client register(Registration registration, String idempotencySeed) {
        return call("POST", "/api/v1/clients").idempotencyKey(idempotencySeed).json(registration).fetch(Client.class);
    }

    /** The clinic's client with this e-mail address, if there is one. */
    public Optional<Client> findByEmail(String email) {
        return call("GET", "/api/v1/clients").query("email", email).fetchPage(Client.class).items().stream().findFirst();
    }

    /** The first page of the caller's clients (a client sees only themselves, a partner whom they share with). */
    public Page<Client> list(int size) {
        return call("GET", "/api/v1/clients").query("size", size).fetchPage(Client.class);
    }

    public Ref recordAssessment(UUID clientId, Assessment assessment, String idempotencySeed) {
        return call("POST", client(clientId) + "/assessments").idempotencyKey(idempotencySeed).json(assessment)
                .fetch(Ref.class);
    }

    public long assessmentCount(UUID clientId) {
        return total(client(clientId) + "/assessments");
    }

    public ScreeningResult recordScreening(UUID clientId, Screening screening, String idempotencySeed) {
        return call("POST", client(clientId) + "/screenings").idempotencyKey(idempotencySeed).json(screening)
                .fetch(ScreeningResult.class);
    }

    public long screeningCount(UUID clientId) {
        return total(client(clientId) + "/screenings");
    }

    public Consent grantConsent(UUID clientId, ConsentGrant grant, String idempotencySeed) {
        return call("POST", client(clientId) + "/consents").idempotencyKey(idempotencySeed).json(grant)
                .fetch(Consent.class);
    }

    public Consents consents(UUID clientId) {
        return call("GET", client(clientId) + "/consents").fetch(Consents.class);
    }

    public Plan proposePlan(UUID clientId, PlanProposal proposal, String idempotencySeed) {
        return call("POST", client(clientId) + "/plans").idempotencyKey(idempotencySeed).json(proposal).fetch(Plan.class);
    }

    public Plan agreePlan(UUID clientId, UUID planId) {
        return call("POST", client(clientId) + "/plans/" + planId + "/agreement").fetch(Plan.class);
    }

    public long planCount(UUID clientId) {
        return total(client(clientId) + "/plans");
    }

    /** Registers a partner of the caller's clinic (admin); the answer as it came (201, 409 when registered already). */
    public ApiCall registerPartnerCall(NewPartner partner, String idempotencySeed) {
        return call("POST", "/api/v1/partners").idempotencyKey(idempotencySeed).json(partner);
    }

    public Partner registerPartner(NewPartner partner, String idempotencySeed) {
        return registerPartnerCall(partner, idempotencySeed).fetch(Partner.class);
    }

    /** The clinic's partner with this id, with its ETag; empty when the clinic has not registered it (404). */
    public Optional<Versioned<Partner>> partner(String partnerId) {
        ApiReply reply = call("GET", "/api/v1/partners/" + partnerId).send();
        if (reply.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(new Versioned<>(reply.as(Partner.class), reply.etag()));
    }

    public Versioned<Partner> updatePartner(String partnerId, PartnerUpdate update, String etag) {
        return call("PUT", "/api/v1/partners/" + partnerId).ifMatch(etag).json(update).fetchVersioned(Partner.class);
    }

    private long total(String path) {
        return call("GET", path).query("size", 1).fetchPage(Object.class).totalItems();
    }
}
