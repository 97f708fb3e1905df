package io.stipple.booking.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static io.stipple.booking.domain.PolicyFixtures.client;
import static io.stipple.booking.domain.PolicyFixtures.violation;
import static org.assertj.core.api.Assertions.assertThat;

class KnownClientPolicyTest {

    @Test
    void aClientTheClinicKnowsIsBookable() {
        ClientProjection known = client(null);
        assertThat(KnownClientPolicy.check(known.clientId, Optional.of(known))).isSameAs(known);
    }

    @Test
    void aClientTheClinicDoesNotKnowIsUnknownClientNamingIt() {
        UUID stranger = UUID.fromString("2b9f4c1e-7d3a-4e5b-9c8d-1f2e3a4b5c6d");
        var e = violation(() -> KnownClientPolicy.check(stranger, Optional.empty()), 422, "unknown-client",
                "Client 2b9f4c1e-7d3a-4e5b-9c8d-1f2e3a4b5c6d is not a client of this clinic "
                        + "(booking-service learns the clinic's clients from client-service)");
        assertThat(e.extensions()).containsEntry("clientId", stranger.toString());
    }

    @Test
    void anErasedClientOrAnAnonymisedBookingIsClientErased() {
        ClientProjection erased = client("ELIGIBLE");
        erased.erasedAt = Instant.parse("2030-01-01T00:00:00Z");
        violation(() -> KnownClientPolicy.check(erased.clientId, Optional.of(erased)), 422, "client-erased",
                "The client's records have been erased");
        violation(() -> KnownClientPolicy.check(null, Optional.empty()), 422, "client-erased",
                "The client's records have been erased");
    }
}
