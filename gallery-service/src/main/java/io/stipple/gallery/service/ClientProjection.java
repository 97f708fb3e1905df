package io.stipple.gallery.service;

import io.stipple.gallery.domain.ClientProfile;
import io.stipple.gallery.domain.ConsentScope;
import io.stipple.gallery.domain.TreatmentType;
import io.stipple.gallery.messaging.ClientEventsReceived;
import io.stipple.gallery.repository.ClientProfileRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The client facts the gallery keeps from client-service's events: photo consents (a withdrawal takes the
 * client's sets out of the public gallery at once) and the assessment and treatment facts the public filters use.
 * Events about an erased client are ignored.
 */
@ApplicationScoped
@Transactional
public class ClientProjection {

    @Inject
    Clock clock;

    @Inject
    SetService sets;

    @Inject
    ClientProfileRepository profiles;

    /** ClientRegistered: from now on the clinic knows the client (photos and sets may name it). */
    public void clientRegistered(UUID clinicId, UUID clientId) {
        profile(clientId, clinicId);
    }

    public void consentChanged(UUID clinicId, ClientEventsReceived.ConsentChanged consent, boolean granted) {
        Optional<ConsentScope> scope = parse(ConsentScope.class, consent.scope());
        if (scope.isEmpty()) {
            return; // treatment, marketing, partner sharing: not the gallery's business
        }
        profile(consent.clientId(), clinicId).ifPresent(profile -> {
            boolean changed = profile.applyConsent(scope.get(), granted, consent.occurredAt(), Instant.now(clock));
            if (changed && !granted) {
                sets.withdrawForConsent(clinicId, consent.clientId());
            }
        });
    }

    public void assessmentRecorded(UUID clinicId, ClientEventsReceived.AssessmentRecorded assessment) {
        profile(assessment.clientId(), clinicId).ifPresent(profile -> profile.applyAssessment(
                assessment.scale(), assessment.stage(), assessment.condition(), assessment.fitzpatrickType(),
                assessment.assessedAt(), Instant.now(clock)));
    }

    public void treatmentPlanAgreed(UUID clinicId, ClientEventsReceived.TreatmentPlanAgreed plan) {
        profile(plan.clientId(), clinicId).ifPresent(profile -> {
            Instant now = Instant.now(clock);
            profile.applyTreatment(parse(TreatmentType.class, plan.treatmentType()).orElse(null), plan.agreedAt(), now);
            if (profile.assessedAt == null && plan.condition() != null) {
                // no assessment seen yet: the plan carries the same facts
                profile.applyAssessment(plan.scale(), plan.stage(), plan.condition(), profile.fitzpatrickType, null, now);
            }
        });
    }

    /** The clinic's profile of the client, created on first sight; empty for an erased client. */
    Optional<ClientProfile> profile(UUID clientId, UUID clinicId) {
        ClientProfile profile = profiles.ensure(clinicId, clientId, Instant.now(clock));
        return profile.erased() ? Optional.empty() : Optional.of(profile);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
