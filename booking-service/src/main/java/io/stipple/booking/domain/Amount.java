package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

/** An amount of money: minor units (pence, cents) of an ISO 4217 currency. */
public record Amount(long minor, String currency) {

    public Amount {
        if (minor < 0) {
            throw new IllegalArgumentException("an amount is never negative");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
    }

    public static Amount of(long minor, String currency) {
        return new Amount(minor, currency);
    }

    public Amount minus(Amount other) {
        requireSameCurrency(other);
        return new Amount(minor - other.minor, currency);
    }

    public Amount min(Amount other) {
        requireSameCurrency(other);
        return minor <= other.minor ? this : other;
    }

    /** No money at all (not a bean property: the JSON columns hold only minor and currency). */
    public boolean nothing() {
        return minor == 0;
    }

    /** Money of another currency cannot be compared: 422 {@code currency-mismatch}. */
    public void requireSameCurrency(Amount other) {
        if (!currency.equals(other.currency)) {
            throw new RuleViolation("currency-mismatch", "An amount in " + other.currency + " cannot apply to " + currency);
        }
    }
}
