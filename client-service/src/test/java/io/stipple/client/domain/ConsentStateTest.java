package io.stipple.client.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsentStateTest {

    private static ConsentRecord record(ConsentScope scope, String partner, ConsentAction action, String version) {
        ConsentRecord r = new ConsentRecord();
        r.id = UUID.randomUUID();
        r.scope = scope;
        r.partnerId = partner;
        r.action = action;
        r.textVersion = version;
        r.occurredAt = Instant.now();
        return r;
    }

    @Test
    void theLatestRecordPerScopeWinsSoAWithdrawalTakesEffectAtOnce() {
        ConsentState state = ConsentState.of(List.of(
                record(ConsentScope.TREATMENT, null, ConsentAction.GRANTED, "v1"),
                record(ConsentScope.PUBLIC_GALLERY, null, ConsentAction.GRANTED, "g1"),
                record(ConsentScope.PUBLIC_GALLERY, null, ConsentAction.WITHDRAWN, "g1")));
        assertThat(state.isGranted(ConsentScope.TREATMENT)).isTrue();
        assertThat(state.isGranted(ConsentScope.PUBLIC_GALLERY)).isFalse();
        assertThat(state.isGranted(ConsentScope.MARKETING)).isFalse();
    }

    @Test
    void partnerSharingIsPerPartner() {
        ConsentState state = ConsentState.of(List.of(
                record(ConsentScope.PARTNER_SHARING, "p1", ConsentAction.GRANTED, "s1"),
                record(ConsentScope.PARTNER_SHARING, "p2", ConsentAction.GRANTED, "s1"),
                record(ConsentScope.PARTNER_SHARING, "p2", ConsentAction.WITHDRAWN, "s1")));
        assertThat(state.isGranted(ConsentScope.PARTNER_SHARING, "p1")).isTrue();
        assertThat(state.isGranted(ConsentScope.PARTNER_SHARING, "p2")).isFalse();
        assertThat(state.isGranted(ConsentScope.PARTNER_SHARING, "p3")).isFalse();
        assertThat(state.current()).hasSize(2);
    }

    @Test
    void onlyAGrantedConsentCanBeWithdrawn() {
        ConsentState state = ConsentState.of(List.of(
                record(ConsentScope.MARKETING, null, ConsentAction.GRANTED, "m1"),
                record(ConsentScope.MARKETING, null, ConsentAction.WITHDRAWN, "m1")));
        assertThatThrownBy(() -> state.grantToWithdraw(ConsentScope.MARKETING, null))
                .isInstanceOf(RuleViolation.class).hasFieldOrPropertyWithValue("slug", "consent-not-granted");
        assertThatThrownBy(() -> state.grantToWithdraw(ConsentScope.TREATMENT, null))
                .hasFieldOrPropertyWithValue("slug", "consent-not-granted");
        ConsentState granted = ConsentState.of(List.of(record(ConsentScope.MARKETING, null, ConsentAction.GRANTED, "m2")));
        assertThat(granted.grantToWithdraw(ConsentScope.MARKETING, null).textVersion).isEqualTo("m2");
    }
}
