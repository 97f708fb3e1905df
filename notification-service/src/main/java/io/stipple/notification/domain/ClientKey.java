package io.stipple.notification.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The key of everything this service keeps about a client: a client id is only meaningful inside its clinic, so
 * another clinic can never reach (or take over) the contact or preferences of a client it does not know.
 */
public class ClientKey implements Serializable {

    public UUID clinicId;
    public UUID clientId;

    public ClientKey() {
    }

    public ClientKey(UUID clinicId, UUID clientId) {
        this.clinicId = clinicId;
        this.clientId = clientId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientKey other && Objects.equals(clinicId, other.clinicId) && Objects.equals(clientId, other.clientId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clinicId, clientId);
    }

    @Override
    public String toString() {
        return clinicId + "/" + clientId;
    }
}
