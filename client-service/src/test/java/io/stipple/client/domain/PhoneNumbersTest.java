package io.stipple.client.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumbersTest {

    @Test
    void normalisesToE164() {
        assertThat(PhoneNumbers.toE164("+44 7911 123456", null)).isEqualTo("+447911123456");
        assertThat(PhoneNumbers.toE164("07911 123456", Locale.forLanguageTag("en-GB"))).isEqualTo("+447911123456");
        assertThat(PhoneNumbers.toE164("(415) 555-2671", Locale.forLanguageTag("en-US"))).isEqualTo("+14155552671");
        assertThat(PhoneNumbers.toE164("  ", null)).isNull();
        assertThat(PhoneNumbers.toE164(null, null)).isNull();
    }

    @Test
    void refusesWhatIsNotAPhoneNumber() {
        assertThatThrownBy(() -> PhoneNumbers.toE164("not a number", Locale.UK)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> PhoneNumbers.toE164("+44 12", null)).isInstanceOf(RuleViolation.class);
        // a national number needs a country from the locale
        assertThatThrownBy(() -> PhoneNumbers.toE164("07911 123456", Locale.ENGLISH)).isInstanceOf(RuleViolation.class);
    }
}
