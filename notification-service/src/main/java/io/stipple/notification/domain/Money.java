package io.stipple.notification.domain;

import io.stipple.platform.problem.RuleViolation;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount of money as events carry it: minor units of an ISO 4217 currency (pence, cents, yen, fils). Shown with
 * the currency's own number of decimals ({@link Currency#getDefaultFractionDigits()}: GBP 2, JPY 0, BHD 3) and the
 * message locale's symbol and separators: 4500 GBP is "£45.00" in en-GB, 4500 JPY "JP¥4,500" in en-GB and "¥4,500"
 * in en, 1250 BHD "BHD 1.250", 4500 EUR "45,00 €" in de-DE.
 */
public record Money(long amountMinor, Currency currency) {

    public Money {
        if (amountMinor < 0) throw RuleViolation.invalidValue("amount.amountMinor", "must not be negative");
        if (currency == null) throw RuleViolation.invalidValue("amount.currency", "missing");
        if (currency.getDefaultFractionDigits() < 0) {
            throw RuleViolation.invalidValue("amount.currency", currency.getCurrencyCode() + " is no currency of payments");
        }
    }

    /** {@code currencyCode} exactly as ISO 4217 spells it ("GBP"); anything else is refused. */
    public static Money of(long amountMinor, String currencyCode) {
        if (currencyCode == null || !currencyCode.matches("[A-Z]{3}")) {
            throw RuleViolation.invalidValue("amount.currency", "not an ISO 4217 currency code: " + currencyCode);
        }
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalidValue("amount.currency", "not an ISO 4217 currency code: " + currencyCode);
        }
        return new Money(amountMinor, currency);
    }

    /** The amount in major units: 4500 pence is 45.00, 4500 yen 4500, 1250 fils 1.250. */
    public BigDecimal major() {
        return BigDecimal.valueOf(amountMinor, currency.getDefaultFractionDigits());
    }

    /** The amount as {@code locale} writes it, with the currency's own decimals. */
    public String format(Locale locale) {
        int digits = currency.getDefaultFractionDigits();
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        if (format instanceof DecimalFormat decimal) {
            // CLDR's currency spacing, which the JDK's formats leave out: a symbol of letters ("BHD", "CHF") is kept
            // apart from the digits by a no-break space ("BHD 1.250", not "BHD1.250")
            String prefix = decimal.getPositivePrefix();
            if (!prefix.isEmpty() && Character.isLetter(prefix.charAt(prefix.length() - 1))) {
                decimal.setPositivePrefix(prefix + '\u00A0');
            }
        }
        return format.format(major());
    }

    @Override
    public String toString() {
        return major().toPlainString() + " " + currency.getCurrencyCode();
    }
}
