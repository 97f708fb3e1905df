package io.stipple.notification.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Minor units shown with the currency's own decimals and the message locale's symbol and separators. */
class MoneyTest {

    private static final Locale EN_GB = Locale.forLanguageTag("en-GB");
    private static final Locale EN = Locale.forLanguageTag("en");
    private static final Locale DE = Locale.forLanguageTag("de-DE");
    private static final String NBSP = "\u00A0";

    @Test
    void pounds_and_euros_have_two_decimals() {
        assertThat(Money.of(4500, "GBP").format(EN_GB)).isEqualTo("£45.00");
        assertThat(Money.of(5, "GBP").format(EN_GB)).isEqualTo("£0.05");
        assertThat(Money.of(0, "GBP").format(EN_GB)).isEqualTo("£0.00");
        assertThat(Money.of(123456, "GBP").format(EN_GB)).isEqualTo("£1,234.56");
        assertThat(Money.of(4550, "EUR").format(EN_GB)).isEqualTo("€45.50");
        assertThat(Money.of(4550, "EUR").format(DE)).isEqualTo("45,50" + NBSP + "€");
    }

    @Test
    void yen_have_no_decimals() {
        assertThat(Money.of(4500, "JPY").format(EN)).isEqualTo("¥4,500");
        assertThat(Money.of(4500, "JPY").format(EN_GB)).isEqualTo("JP¥4,500"); // en-GB tells yen from yuan
        assertThat(Money.of(4500, "JPY").major()).hasToString("4500");
    }

    @Test
    void bahraini_dinars_have_three_decimals_and_a_letter_symbol_kept_apart_from_the_digits() {
        assertThat(Money.of(1250, "BHD").format(EN_GB)).isEqualTo("BHD" + NBSP + "1.250");
        assertThat(Money.of(1250, "BHD").major()).hasToString("1.250");
        assertThat(Money.of(1250, "BHD").format(DE)).isEqualTo("1,250" + NBSP + "BHD");
        assertThat(Money.of(1250, "BHD")).hasToString("1.250 BHD");
    }

    @Test
    void only_iso_4217_currencies_of_payments_and_no_negative_amounts() {
        assertThatThrownBy(() -> Money.of(100, "gbp")).isInstanceOf(RuleViolation.class).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> Money.of(100, "ABC")).isInstanceOf(RuleViolation.class).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> Money.of(100, null)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> Money.of(100, "XXX")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("no currency of payments");
        assertThatThrownBy(() -> Money.of(-1, "GBP")).isInstanceOf(RuleViolation.class).hasMessageContaining("negative");
    }
}
