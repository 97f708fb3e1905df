package io.stipple.client.rest;

import io.stipple.client.domain.Client;
import io.stipple.client.service.ClientService;

public final class ClientMapper {

    public static ClientView toView(Client c) {
        return new ClientView(c.id, c.clinicId, c.firstName, c.lastName, c.email, c.phone, c.dateOfBirth, c.sex,
                c.genderIdentity, c.timeZone, c.locale, c.channels(), c.marketingOptIn, c.createdAt, c.updatedAt,
                c.version);
    }

    public static ClientService.ClientDetails toCommand(ClientRequest r) {
        return new ClientService.ClientDetails(r.firstName(), r.lastName(), r.email(), r.phone(), r.dateOfBirth(),
                r.sex(), r.genderIdentity(), r.timeZone(), r.locale(), r.preferredChannels(), r.marketingOptIn());
    }

    private ClientMapper() {
    }
}
