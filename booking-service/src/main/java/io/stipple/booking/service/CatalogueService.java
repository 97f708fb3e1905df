package io.stipple.booking.service;

import io.stipple.booking.config.BookingConfig;
import io.stipple.booking.domain.BookingKind;
import io.stipple.booking.domain.DepositPolicy;
import io.stipple.booking.domain.DurationRule;
import io.stipple.booking.domain.Treatment;
import io.stipple.booking.domain.TreatmentType;
import io.stipple.booking.repository.TreatmentRepository;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.web.ETags;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The clinic's treatment catalogue: durations (by coverage), buffers, prices, healing intervals. */
@ApplicationScoped
@Transactional
public class CatalogueService {

    @Inject
    Clock clock;

    @Inject
    ClinicService clinics;

    @Inject
    BookingConfig config;

    @Inject
    TreatmentRepository repository;

    @Inject
    PaymentService payments;

    /** A duration rule as given (checked when converted to {@link DurationRule}). */
    public record RuleDetails(List<String> stages, List<String> conditions, Integer minCoveragePercent,
                              Integer maxCoveragePercent, Integer durationMinutes) {
    }

    /** A treatment to create or replace; {@code durationRules} and {@code active} may be null (none, true). */
    public record TreatmentDetails(BookingKind kind, TreatmentType treatmentType, String name, Integer baseDurationMinutes,
                                   Integer bufferMinutes, Long priceMinor, String currency, Integer healingIntervalDays,
                                   List<RuleDetails> durationRules, Boolean active, DepositPolicy depositPolicy) {
    }

    public Treatment create(UUID clinicId, TreatmentDetails request) {
        clinics.require(clinicId);
        Treatment t = new Treatment();
        t.id = UUID.randomUUID();
        t.clinicId = clinicId;
        t.createdAt = clock.instant();
        apply(t, request);
        repository.persist(t);
        return t;
    }

    public Treatment update(UUID clinicId, UUID id, TreatmentDetails request, String ifMatch) {
        long expected = ETags.requireIfMatch(ifMatch);
        Treatment t = find(clinicId, id);
        ETags.checkCurrent(expected, t.version);
        if (t.kind != request.kind()) {
            throw ProblemException.invalidField("kind", "cannot change; create a new treatment instead");
        }
        apply(t, request);
        repository.flush();
        return t;
    }

    private void apply(Treatment t, TreatmentDetails r) {
        BookingKind kind = r.kind();
        if (kind.isPlanSession() && r.treatmentType() != kind.planType()) {
            throw ProblemException.invalidField("treatmentType", "must be " + kind.planType() + " for " + kind);
        }
        if (kind == BookingKind.TOP_UP && r.treatmentType() == null) {
            throw ProblemException.invalidField("treatmentType", "must name the treatment a top-up refreshes");
        }
        if (kind == BookingKind.CONSULTATION && r.treatmentType() != null) {
            throw ProblemException.invalidField("treatmentType", "must be null for a consultation");
        }
        int minimum = config.healing().minimumIntervalDays();
        if (r.healingIntervalDays() != null && r.healingIntervalDays() < minimum) {
            throw ProblemException.invalidField("healingIntervalDays", "must be at least " + minimum
                    + " days; a shorter interval is an admin override on a single booking");
        }
        List<DurationRule> rules = new ArrayList<>();
        List<RuleDetails> models = r.durationRules() == null ? List.of() : r.durationRules();
        for (int i = 0; i < models.size(); i++) {
            RuleDetails m = models.get(i);
            try {
                rules.add(new DurationRule(m.stages(), m.conditions(), m.minCoveragePercent(), m.maxCoveragePercent(),
                        m.durationMinutes()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("durationRules[" + i + "]", e.getMessage());
            }
        }
        t.kind = kind;
        t.treatmentType = r.treatmentType();
        t.name = r.name().trim();
        t.baseDurationMinutes = r.baseDurationMinutes();
        t.bufferMinutes = r.bufferMinutes();
        t.priceMinor = r.priceMinor();
        t.currency = r.currency();
        t.healingIntervalDays = r.healingIntervalDays();
        t.durationRules = List.copyOf(rules);
        t.active = r.active() == null || r.active();
        payments.checkConfigured(r.depositPolicy());
        if (r.depositPolicy() != null && r.depositPolicy().amount() != null
                && !r.depositPolicy().amount().currency().equals(r.currency())) {
            throw ProblemException.invalidField("depositPolicy.amount", "must be in the treatment's currency " + r.currency());
        }
        t.depositPolicy = r.depositPolicy();
        t.updatedAt = clock.instant();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Treatment find(UUID clinicId, UUID id) {
        Treatment t = repository.find(id).orElse(null);
        if (t == null || !t.clinicId.equals(clinicId)) {
            throw ProblemException.notFound("Treatment " + id);
        }
        return t;
    }

    /** A treatment that can be booked now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Treatment bookable(UUID clinicId, UUID id) {
        Treatment t = find(clinicId, id);
        t.checkBookable();
        return t;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Treatment> list(UUID clinicId, PageQuery page) {
        return repository.page(clinicId, page);
    }
}
