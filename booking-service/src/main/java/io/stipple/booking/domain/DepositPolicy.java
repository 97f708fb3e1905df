package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Whether a booking needs a deposit, and how much: none, a fixed amount ({@code amount}, in the treatment's currency)
 * or {@code percent} (1–100) of the treatment's price, rounded half up to the minor unit; asked of everyone, of
 * self-service bookings only (made by a client, a partner or a manage-link holder — not staff), or of clients with
 * at least {@code noShowCount} no-shows whose start lies in the last {@code noShowMonths} months. A clinic has one; a
 * treatment may have its own (null: the clinic's). Kept as JSON in the clinic and treatment rows.
 */
public record DepositPolicy(Kind kind, Amount amount, Integer percent, AppliesTo appliesTo, Integer noShowCount,
                            Integer noShowMonths) {

    public enum Kind { NONE, FIXED, PERCENT }

    public enum AppliesTo { EVERYONE, SELF_SERVICE, NO_SHOW_HISTORY }

    /** No deposit (the default of every clinic). */
    public static final DepositPolicy NONE = new DepositPolicy(Kind.NONE, null, null, null, null, null);

    /** Checks the policy as given ({@code field} names it in the request): 400 naming the member at fault. */
    public static DepositPolicy of(String field, Kind kind, Amount amount, Integer percent, AppliesTo appliesTo,
                                   Integer noShowCount, Integer noShowMonths) {
        if (kind == null) {
            throw RuleViolation.invalidValue(field + ".kind", "must be NONE, FIXED or PERCENT");
        }
        if (kind == Kind.NONE) {
            return NONE;
        }
        if (kind == Kind.FIXED && (amount == null || amount.nothing())) {
            throw RuleViolation.invalidValue(field + ".amount", "a FIXED deposit needs an amount above zero");
        }
        if (kind == Kind.FIXED && percent != null || kind == Kind.PERCENT && amount != null) {
            throw RuleViolation.invalidValue(field, "FIXED takes an amount, PERCENT a percent, not both");
        }
        if (kind == Kind.PERCENT && (percent == null || percent < 1 || percent > 100)) {
            throw RuleViolation.invalidValue(field + ".percent", "a PERCENT deposit needs a percent from 1 to 100");
        }
        AppliesTo to = appliesTo == null ? AppliesTo.EVERYONE : appliesTo;
        if (to == AppliesTo.NO_SHOW_HISTORY) {
            if (noShowCount == null || noShowCount < 1) {
                throw RuleViolation.invalidValue(field + ".noShowCount", "NO_SHOW_HISTORY needs noShowCount of at least 1");
            }
            if (noShowMonths == null || noShowMonths < 1 || noShowMonths > 36) {
                throw RuleViolation.invalidValue(field + ".noShowMonths", "NO_SHOW_HISTORY needs noShowMonths from 1 to 36");
            }
        } else if (noShowCount != null || noShowMonths != null) {
            throw RuleViolation.invalidValue(field, "noShowCount and noShowMonths belong to NO_SHOW_HISTORY");
        }
        return new DepositPolicy(kind, amount, kind == Kind.PERCENT ? percent : null, to,
                to == AppliesTo.NO_SHOW_HISTORY ? noShowCount : null, to == AppliesTo.NO_SHOW_HISTORY ? noShowMonths : null);
    }

    public boolean asksForDeposits() {
        return kind != Kind.NONE;
    }

    /** The policy that applies to a booking of a treatment: the treatment's own, else the clinic's, else none. */
    public static DepositPolicy effective(DepositPolicy treatment, DepositPolicy clinic) {
        if (treatment != null) return treatment;
        return clinic != null ? clinic : NONE;
    }

    /**
     * Since when no-shows count for {@link AppliesTo#NO_SHOW_HISTORY} (the clinic's local date-time {@code noShowMonths}
     * ago); empty when the policy does not look at the history (nobody needs to count them).
     */
    public Optional<Instant> noShowsSince(Instant now, ZoneId zone) {
        if (kind == Kind.NONE || appliesTo != AppliesTo.NO_SHOW_HISTORY) return Optional.empty();
        return Optional.of(now.atZone(zone).minusMonths(noShowMonths).toInstant());
    }

    /**
     * The deposit a booking needs, if any.
     *
     * @param price       the treatment's price (a FIXED deposit must be in its currency: 422 {@code currency-mismatch})
     * @param selfService booked by a client, a partner or a manage-link holder (not staff)
     * @param noShows     the client's no-shows since {@link #noShowsSince} (ignored unless NO_SHOW_HISTORY)
     */
    public Optional<Amount> depositFor(Amount price, boolean selfService, long noShows) {
        if (kind == Kind.NONE) return Optional.empty();
        boolean applies = switch (appliesTo) {
            case EVERYONE -> true;
            case SELF_SERVICE -> selfService;
            case NO_SHOW_HISTORY -> noShows >= noShowCount;
        };
        if (!applies) return Optional.empty();
        Amount deposit;
        if (kind == Kind.FIXED) {
            price.requireSameCurrency(amount);
            deposit = amount;
        } else {
            deposit = Amount.of((price.minor() * percent + 50) / 100, price.currency());
        }
        return deposit.nothing() ? Optional.empty() : Optional.of(deposit);
    }
}
