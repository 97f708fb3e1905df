package io.stipple.booking.rest;

import io.stipple.booking.domain.DurationRule;
import io.stipple.booking.domain.Treatment;
import io.stipple.booking.service.CatalogueService;

/** The treatment catalogue: request → command, entity → view. */
public final class TreatmentMapper {

    private TreatmentMapper() {
    }

    public static CatalogueService.TreatmentDetails command(TreatmentRequest r) {
        return new CatalogueService.TreatmentDetails(r.kind(), r.treatmentType(), r.name(), r.baseDurationMinutes(),
                r.bufferMinutes(), r.price().amountMinor(), r.price().currency(), r.healingIntervalDays(),
                r.durationRules() == null ? null : r.durationRules().stream().map(TreatmentMapper::rule).toList(),
                r.active(), PaymentMapper.policy("depositPolicy", r.depositPolicy()));
    }

    private static CatalogueService.RuleDetails rule(DurationRuleModel m) {
        return new CatalogueService.RuleDetails(m.stages(), m.conditions(), m.minCoveragePercent(), m.maxCoveragePercent(),
                m.durationMinutes());
    }

    public static TreatmentView view(Treatment t) {
        return new TreatmentView(t.id, t.kind, t.treatmentType, t.name, t.baseDurationMinutes, t.bufferMinutes,
                new Money(t.priceMinor, t.currency), t.healingIntervalDays,
                t.durationRules.stream().map(TreatmentMapper::rule).toList(), t.active, PaymentMapper.view(t.depositPolicy),
                t.createdAt, t.version);
    }

    private static DurationRuleModel rule(DurationRule r) {
        return new DurationRuleModel(r.stages(), r.conditions(), r.minCoveragePercent(), r.maxCoveragePercent(),
                r.durationMinutes());
    }
}
