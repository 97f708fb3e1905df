package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

import java.util.Optional;
import java.util.UUID;

/**
 * Every booking and availability search names a client the clinic knows (from client-service's events in this
 * clinic) and that is not erased, consultations included: 422 {@code unknown-client} (with {@code clientId}) or
 * {@code client-erased}. A booking without a client (anonymised at the erasure) is {@code client-erased} too.
 */
public final class KnownClientPolicy {

    private KnownClientPolicy() {
    }

    /**
     * @param clientId the client named, null for an anonymised booking
     * @param found    the clinic's projection of that client, empty when the clinic does not know it
     * @return the client
     */
    public static ClientProjection check(UUID clientId, Optional<ClientProjection> found) {
        if (clientId == null) {
            throw erased();
        }
        ClientProjection client = found.orElseThrow(() -> new RuleViolation("unknown-client", "Client " + clientId
                + " is not a client of this clinic (booking-service learns the clinic's clients from client-service)")
                .with("clientId", clientId.toString()));
        if (client.erased()) {
            throw erased();
        }
        return client;
    }

    private static RuleViolation erased() {
        return new RuleViolation("client-erased", "The client's records have been erased");
    }
}
