package io.stipple.platform.sealing;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HmacSignerTest {

    private static final Optional<String> SECRET = Optional.of("test-only-signing-secret-0123456789abcdef");

    @Test
    void aSignatureVerifiesForItsPurposeAndPartsOnly() {
        HmacSigner signer = HmacSigner.fromSecret(SECRET, "x.secret");
        byte[] mac = signer.mac("manage-link-v1", "clinic", "booking");
        assertThat(mac).hasSize(32);
        assertThat(signer.verify(mac, "manage-link-v1", "clinic", "booking")).isTrue();
        assertThat(signer.verify(mac, "image-link-v1", "clinic", "booking")).isFalse();
        assertThat(signer.verify(mac, "manage-link-v1", "clinic", "other")).isFalse();
        assertThat(signer.verify(mac, "manage-link-v1", "clinic\nbooking")).isFalse();
        byte[] flipped = Arrays.copyOf(mac, mac.length);
        flipped[31] ^= 1;
        assertThat(signer.verify(flipped, "manage-link-v1", "clinic", "booking")).isFalse();
        assertThat(signer.verify(Arrays.copyOf(mac, 16), "manage-link-v1", "clinic", "booking")).isFalse();
        assertThat(signer.verify(null, "manage-link-v1", "clinic", "booking")).isFalse();
    }

    @Test
    void theSameSecretSignsTheSameOnEveryInstanceAndAnotherDoesNot() {
        byte[] mac = HmacSigner.fromSecret(SECRET, "x.secret").mac("p", "a");
        assertThat(HmacSigner.fromSecret(SECRET, "x.secret").verify(mac, "p", "a")).isTrue();
        assertThat(HmacSigner.fromSecret(Optional.of("another-test-only-secret-0123456789abcdef"), "x.secret").verify(mac, "p", "a"))
                .isFalse();
        // unset: a random key per instance
        assertThat(HmacSigner.fromSecret(Optional.empty(), "x.secret").verify(mac, "p", "a")).isFalse();
    }

    @Test
    void aShortSecretOrANewlineInAPartIsRefused() {
        assertThatThrownBy(() -> HmacSigner.fromSecret(Optional.of("short"), "x.secret"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("x.secret");
        assertThatThrownBy(() -> HmacSigner.fromSecret(SECRET, "x.secret").mac("p", "a\nb"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
