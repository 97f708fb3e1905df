package io.stipple.client.rest;

import io.stipple.client.domain.Client;

public final class ClientMapper {

    public static ClientView toView(Client c) {
        return new ClientView(c.id, c.clinicId, c.firstName, c.lastName, c.email, c.phone, c.dateOfBirth, c.sex,
                c.genderIdentity, c.timeZone, c.locale, c.channels(), c.marketingOptIn, c.createdAt, c.updatedAt,
                c.version);
    }

    private ClientMapper() {
    }
}
