package io.stipple.client.rest;

import io.stipple.client.domain.ConsentRecord;
import io.stipple.client.domain.ConsentScope;
import io.stipple.client.domain.ConsentState;
import io.stipple.client.service.ConsentService;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

public final class ConsentMapper {

    public static ConsentView toView(ConsentRecord r) {
        return new ConsentView(r.id, r.clientId, r.scope, r.partnerId, r.action, r.textVersion, r.occurredAt,
                r.recordedBy);
    }

    /** Every non-partner scope (never recorded → not granted), then each partner ever shared with. */
    public static ConsentsView toView(UUID clientId, ConsentState state) {
        List<ConsentsView.Status> current = new ArrayList<>();
        for (ConsentScope scope : ConsentScope.values()) {
            if (scope.perPartner()) {
                continue;
            }
            current.add(state.latest(scope, null).map(ConsentMapper::status)
                    .orElse(new ConsentsView.Status(scope, null, false, null, null, null)));
        }
        state.current().stream().filter(r -> r.scope.perPartner()).map(ConsentMapper::status).forEach(current::add);
        return new ConsentsView(clientId, current);
    }

    public static ConsentService.Grant toCommand(ConsentGrantRequest r) {
        return new ConsentService.Grant(r.scope(), r.partnerId(), r.textVersion());
    }

    public static ConsentService.Withdrawal toCommand(ConsentWithdrawalRequest r) {
        return new ConsentService.Withdrawal(r.scope(), r.partnerId());
    }

    private static ConsentsView.Status status(ConsentRecord r) {
        return new ConsentsView.Status(r.scope, r.partnerId, r.isGrant(), r.textVersion, r.occurredAt, r.recordedBy);
    }

    private ConsentMapper() {
    }
}
