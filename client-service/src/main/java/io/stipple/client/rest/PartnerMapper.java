package io.stipple.client.rest;

import io.stipple.client.domain.Partner;
import io.stipple.client.service.PartnerService;

public final class PartnerMapper {

    public static PartnerView toView(Partner p) {
        return new PartnerView(p.partnerId, p.name, p.status, p.registeredAt, p.updatedAt, p.version);
    }

    public static PartnerService.NewPartner toCommand(PartnerRequest r) {
        return new PartnerService.NewPartner(r.partnerId(), r.name());
    }

    public static PartnerService.PartnerChange toCommand(PartnerUpdateRequest r) {
        return new PartnerService.PartnerChange(r.name(), r.status());
    }

    private PartnerMapper() {
    }
}
