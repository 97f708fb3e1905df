package io.stipple.client.domain;

import io.stipple.platform.problem.RuleViolation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's consents as they stand now, from the history (oldest first): per scope (and partner, for partner
 * sharing) the latest record wins, so a withdrawal takes effect at once.
 */
public final class ConsentState {

    private final Map<Key, ConsentRecord> latest = new LinkedHashMap<>();

    private ConsentState() {
    }

    /** @param history the client's consent records in the order they were made */
    public static ConsentState of(List<ConsentRecord> history) {
        ConsentState state = new ConsentState();
        for (ConsentRecord record : history) {
            state.latest.put(new Key(record.scope, record.partnerId), record);
        }
        return state;
    }

    /** The latest record of a scope (partnerId only for partner sharing). */
    public Optional<ConsentRecord> latest(ConsentScope scope, String partnerId) {
        return Optional.ofNullable(latest.get(new Key(scope, scope.perPartner() ? partnerId : null)));
    }

    public boolean isGranted(ConsentScope scope, String partnerId) {
        return latest(scope, partnerId).map(ConsentRecord::isGrant).orElse(false);
    }

    public boolean isGranted(ConsentScope scope) {
        return isGranted(scope, null);
    }

    /** The latest record of every scope ever touched, in scope order then partner. */
    public List<ConsentRecord> current() {
        List<ConsentRecord> all = new ArrayList<>(latest.values());
        all.sort(Comparator.comparing((ConsentRecord r) -> r.scope)
                .thenComparing(r -> r.partnerId, Comparator.nullsFirst(Comparator.naturalOrder())));
        return all;
    }

    /**
     * The grant a withdrawal ends; refused (422 {@code consent-not-granted}) when the consent is not granted now.
     */
    public ConsentRecord grantToWithdraw(ConsentScope scope, String partnerId) {
        return latest(scope, partnerId).filter(ConsentRecord::isGrant)
                .orElseThrow(() -> new RuleViolation("consent-not-granted",
                        scope + (partnerId == null ? "" : " for partner " + partnerId)
                                + " is not currently granted, so it cannot be withdrawn"));
    }

    private record Key(ConsentScope scope, String partnerId) {
        Key {
            Objects.requireNonNull(scope);
        }
    }
}
