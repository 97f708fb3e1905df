package io.stipple.gallery.service;

import io.stipple.gallery.domain.ClientProfile;
import io.stipple.gallery.repository.ClientProfileRepository;
import io.stipple.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Cross-service references are checked against the caller's clinic: a photo or set may name only a client the
 * clinic knows (client-service told the gallery about the client in that clinic — ClientRegistered, a consent, an
 * assessment, a plan or a completed session — and the client was not erased). Anything else is the 422 problem
 * {@code unknown-client}: a random id, another clinic's client, an erased client all look the same.
 */
@ApplicationScoped
public class KnownClients {

    public static final String UNKNOWN_CLIENT = "unknown-client";

    @Inject
    ClientProfileRepository profiles;

    /** The clinic's live profile of the client, or 422 {@code unknown-client}. Call inside a transaction. */
    public ClientProfile require(UUID clinicId, UUID clientId) {
        return profiles.of(clinicId, clientId)
                .filter(profile -> !profile.erased())
                .orElseThrow(KnownClients::unknownClient);
    }

    /** The 422 problem {@code unknown-client}, naming the field {@code clientId}. */
    static ProblemException unknownClient() {
        return ProblemException.unprocessable(UNKNOWN_CLIENT,
                        "clientId: this clinic has no such client (never registered here, or erased)")
                .with("field", "clientId");
    }
}
