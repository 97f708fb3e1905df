package io.stipple.client.rest;

import io.stipple.client.domain.Partner;

public final class PartnerMapper {

    public static PartnerView toView(Partner p) {
        return new PartnerView(p.partnerId, p.name, p.status, p.registeredAt, p.updatedAt, p.version);
    }

    private PartnerMapper() {
    }
}
