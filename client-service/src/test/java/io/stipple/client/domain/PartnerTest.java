package io.stipple.client.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnerTest {

    private static final UUID CLINIC = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aRegisteredPartnerIsActiveAtOnceWithATrimmedName() {
        Partner p = Partner.register(CLINIC, "acme-hair", "  Acme Hair Clinic ", NOW);
        assertThat(p.isActive()).isTrue();
        assertThat(p.name).isEqualTo("Acme Hair Clinic");
        assertThat(p.registeredAt).isEqualTo(NOW);
        assertThat(p.updatedAt).isEqualTo(NOW);
    }

    @Test
    void partnerIdsAreShortLowerCaseAndUrlSafe() {
        for (String good : new String[] {"ab", "acme-hair", "acme.hair_2", "9lives", "a".repeat(100)}) {
            Partner.requireValidId(good);
        }
        for (String bad : new String[] {null, "", "a", "Acme", "acme hair", "-acme", ".acme", "acme/hair", "acmé",
                "a".repeat(101)}) {
            assertThatThrownBy(() -> Partner.requireValidId(bad)).as(String.valueOf(bad))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("partnerId");
        }
    }

    @Test
    void aChangeSetsNameStatusAndTime() {
        Partner p = Partner.register(CLINIC, "acme-hair", "Acme", NOW);
        p.change(" Acme Ltd ", PartnerStatus.SUSPENDED, NOW.plusSeconds(60));
        assertThat(p.isActive()).isFalse();
        assertThat(p.name).isEqualTo("Acme Ltd");
        assertThat(p.updatedAt).isEqualTo(NOW.plusSeconds(60));
        assertThat(p.registeredAt).isEqualTo(NOW);
    }
}
