package io.stipple.client.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.stipple.platform.problem.RuleViolation;

import java.util.Locale;

/** Phone numbers are stored and published in E.164; a national number is read in the region of the client's locale. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /**
     * The E.164 form of {@code raw} ({@code null} or blank → {@code null}).
     *
     * @param raw    as typed, e.g. {@code 07700 900123} or {@code +44 7700 900123}
     * @param locale the client's locale; its country is the region of a number without {@code +}
     * @throws RuleViolation 400 naming {@code phone} when it is not a valid number
     */
    public static String toE164(String raw, Locale locale) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String region = locale == null || locale.getCountry().isEmpty() ? null : locale.getCountry();
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw.trim(), region);
            if (!UTIL.isValidNumber(number)) {
                throw invalid();
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw invalid();
        }
    }

    private static RuleViolation invalid() {
        return RuleViolation.invalidValue("phone",
                "must be a valid phone number: international (+447911123456) or national in the country of the locale");
    }

    private PhoneNumbers() {
    }
}
