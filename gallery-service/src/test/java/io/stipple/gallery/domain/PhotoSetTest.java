package io.stipple.gallery.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhotoSetTest {

    static final UUID CLINIC = UUID.randomUUID();
    static final UUID CLIENT = UUID.randomUUID();
    static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    static Photo photo(Phase phase, Angle angle, int day) {
        Photo p = new Photo();
        p.id = UUID.randomUUID();
        p.clinicId = CLINIC;
        p.clientId = CLIENT;
        p.phase = phase;
        p.angle = angle;
        p.takenAt = T0.plus(day, ChronoUnit.DAYS);
        return p;
    }

    static ClientProfile profile(boolean gallery, boolean clinical) {
        ClientProfile p = ClientProfile.newFor(CLIENT, CLINIC, T0);
        p.applyConsent(ConsentScope.PUBLIC_GALLERY, gallery, T0, T0);
        p.applyConsent(ConsentScope.CLINICAL_PHOTOS, clinical, T0, T0);
        p.treatmentType = TreatmentType.PERMANENT_SMP;
        p.stage = "5A";
        return p;
    }

    @Test
    void pairsOnlyABeforeWithALaterResultOfTheSameClientAndAngle() {
        Photo before = photo(Phase.BEFORE, Angle.CROWN, 0);
        assertThat(PhotoSet.pair(before, photo(Phase.HEALED, Angle.CROWN, 60), "staff", T0).status).isEqualTo(SetStatus.DRAFT);
        assertMismatch(() -> PhotoSet.pair(before, photo(Phase.HEALED, Angle.FRONT, 60), "staff", T0));
        assertMismatch(() -> PhotoSet.pair(before, photo(Phase.BEFORE, Angle.CROWN, 60), "staff", T0));
        assertMismatch(() -> PhotoSet.pair(photo(Phase.AFTER, Angle.CROWN, 0), photo(Phase.HEALED, Angle.CROWN, 60), "staff", T0));
        assertMismatch(() -> PhotoSet.pair(before, photo(Phase.AFTER, Angle.CROWN, 0), "staff", T0));
        Photo otherClients = photo(Phase.AFTER, Angle.CROWN, 60);
        otherClients.clientId = UUID.randomUUID();
        assertMismatch(() -> PhotoSet.pair(before, otherClients, "staff", T0));
    }

    private static void assertMismatch(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(RuleViolation.class,
                p -> assertThat(p.slug()).isEqualTo("set-photos-mismatch"));
    }

    @Test
    void publishingNeedsBothConsentsAndCopiesThePublicFacts() {
        PhotoSet set = PhotoSet.pair(photo(Phase.BEFORE, Angle.TOP, 0), photo(Phase.AFTER, Angle.TOP, 9), "staff", T0);
        set.submit(T0);
        for (ClientProfile without : List.of(profile(false, true), profile(true, false))) {
            assertThatThrownBy(() -> set.publish(without, "mod", null, T0))
                    .isInstanceOfSatisfying(RuleViolation.class, p -> assertThat(p.slug()).isEqualTo("public-gallery-consent-required"));
        }
        ClientProfile erased = profile(true, true);
        erased.erase(T0, T0);
        assertThatThrownBy(() -> set.publish(erased, "mod", null, T0)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> set.publish(null, "mod", null, T0)).isInstanceOf(RuleViolation.class);

        set.publish(profile(true, true), "mod", "Stipple Leeds", T0);
        assertThat(set.status).isEqualTo(SetStatus.PUBLISHED);
        assertThat(set.treatmentType).isEqualTo(TreatmentType.PERMANENT_SMP);
        assertThat(set.stage).isEqualTo("5A");
        assertThat(set.clinicName).isEqualTo("Stipple Leeds");
        assertThat(set.withdraw(WithdrawalReason.CONSENT_WITHDRAWN, T0)).isTrue();
        assertThat(set.withdraw(WithdrawalReason.MODERATOR, T0)).isFalse();
        assertThat(set.withdrawalReason).isEqualTo(WithdrawalReason.CONSENT_WITHDRAWN);
    }

    @Test
    void transitionsFollowTheModerationLifeCycle() {
        PhotoSet set = PhotoSet.pair(photo(Phase.BEFORE, Angle.TOP, 0), photo(Phase.AFTER, Angle.TOP, 9), "staff", T0);
        assertThatThrownBy(() -> set.publish(profile(true, true), "mod", null, T0))
                .isInstanceOfSatisfying(RuleViolation.class, p -> assertThat(p.status()).isEqualTo(409));
        assertThatThrownBy(() -> set.reject("no")).isInstanceOf(RuleViolation.class);
        set.submit(T0);
        assertThatThrownBy(() -> set.submit(T0)).isInstanceOf(RuleViolation.class);
        set.reject("tighter crop");
        assertThat(set.status).isEqualTo(SetStatus.DRAFT);
        assertThat(set.withdraw(WithdrawalReason.MODERATOR, T0)).isFalse(); // never public: no event
        assertThat(set.status).isEqualTo(SetStatus.WITHDRAWN);
    }

    @Test
    void suggestsTheEarliestBeforeWithTheLatestHealedResultPerAngle() {
        Photo crownBefore = photo(Phase.BEFORE, Angle.CROWN, 0);
        Photo crownLaterBefore = photo(Phase.BEFORE, Angle.CROWN, 20);
        Photo crownAfter = photo(Phase.AFTER, Angle.CROWN, 90);
        Photo crownHealed = photo(Phase.HEALED, Angle.CROWN, 60);
        Photo frontBefore = photo(Phase.BEFORE, Angle.FRONT, 0);
        Photo frontAfter = photo(Phase.AFTER, Angle.FRONT, 30);
        Photo topAfterOnly = photo(Phase.AFTER, Angle.TOP, 30);
        Photo leftBefore = photo(Phase.BEFORE, Angle.LEFT, 40);
        Photo leftOlderAfter = photo(Phase.AFTER, Angle.LEFT, 10);

        List<PhotoSet.Pairing> pairings = PhotoSet.suggestPairings(List.of(crownAfter, crownLaterBefore, crownHealed,
                crownBefore, frontBefore, frontAfter, topAfterOnly, leftBefore, leftOlderAfter));

        assertThat(pairings).extracting(PhotoSet.Pairing::angle).containsExactly(Angle.FRONT, Angle.CROWN);
        assertThat(pairings.get(1).before()).isSameAs(crownBefore);
        assertThat(pairings.get(1).after()).isSameAs(crownHealed);
        assertThat(pairings.get(0).after()).isSameAs(frontAfter);
    }

    @Test
    void anOlderConsentDecisionNeverUndoesANewerOne() {
        ClientProfile p = ClientProfile.newFor(CLIENT, CLINIC, T0);
        assertThat(p.applyConsent(ConsentScope.PUBLIC_GALLERY, true, T0.plusSeconds(10), T0)).isTrue();
        assertThat(p.applyConsent(ConsentScope.PUBLIC_GALLERY, false, T0, T0)).isFalse();
        assertThat(p.publicGalleryConsent).isTrue();
        assertThat(p.applyConsent(ConsentScope.PUBLIC_GALLERY, false, T0.plusSeconds(20), T0)).isTrue();
        assertThat(p.publicGalleryConsent).isFalse();
        assertThat(p.mayUpload(true)).isFalse();
        p.applyConsent(ConsentScope.CLINICAL_PHOTOS, true, T0, T0);
        assertThat(p.mayUpload(true)).isTrue();
        p.erase(T0, T0);
        assertThat(p.mayUpload(false)).isFalse();
        assertThat(p.clinicalPhotosConsent).isFalse();
    }
}
