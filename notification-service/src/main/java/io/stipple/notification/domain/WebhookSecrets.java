package io.stipple.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The secrets a subscription signs with: the current one and, for an overlap window after a rotation, the previous
 * one. Each is {@link Scheme#STANDARD} (a Standard Webhooks {@code whsec_} secret, generated since Standard Webhooks
 * signing came) or {@link Scheme#LEGACY} (generated before: it signs only the deprecated {@code Stipple-Signature}
 * header, because its text was never a key a Standard Webhooks library decodes — rotating gives a standard one).
 *
 * <p>Rules: while the overlap runs, both secrets sign ({@link #signing}: the current first); after it only the
 * current. A rotation makes the current secret the previous one for the overlap; a rotation while an overlap is
 * still running replaces only the current secret and leaves the previous one and its end unchanged — so a rotation
 * whose answer was lost can simply be repeated without locking out the secret the receiver still has.
 */
public record WebhookSecrets(String current, Scheme currentScheme, String previous, Scheme previousScheme,
                             Instant previousUntil) {

    public enum Scheme {
        /** A {@code whsec_} + base64 secret: signs {@code webhook-signature} and the legacy header. */
        STANDARD,
        /** A secret from before Standard Webhooks: signs only the legacy {@code Stipple-Signature} header. */
        LEGACY
    }

    public WebhookSecrets {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(currentScheme, "currentScheme");
        if ((previous == null) != (previousUntil == null) || (previous == null) != (previousScheme == null)) {
            throw new IllegalArgumentException("a previous secret needs its scheme and the end of its overlap");
        }
    }

    public static WebhookSecrets standard(String secret) {
        return new WebhookSecrets(secret, Scheme.STANDARD, null, null, null);
    }

    /** Whether the previous secret still signs at {@code now}. */
    public boolean overlapping(Instant now) {
        return previous != null && now.isBefore(previousUntil);
    }

    /** The secrets signing at {@code now}: the current, then the previous while its overlap runs. */
    public List<Signing> signing(Instant now) {
        List<Signing> secrets = new ArrayList<>(2);
        secrets.add(new Signing(current, currentScheme));
        if (overlapping(now)) secrets.add(new Signing(previous, previousScheme));
        return secrets;
    }

    /** The secrets signing {@code webhook-signature} at {@code now} (standard ones only; may be none). */
    public List<String> standardSigning(Instant now) {
        return signing(now).stream().filter(s -> s.scheme() == Scheme.STANDARD).map(Signing::secret).toList();
    }

    /** The secrets signing the legacy header at {@code now} (all of them). */
    public List<String> legacySigning(Instant now) {
        return signing(now).stream().map(Signing::secret).toList();
    }

    /** After a rotation at {@code now} to {@code newSecret} (standard) with an {@code overlap} for the one before. */
    public WebhookSecrets rotate(String newSecret, Instant now, Duration overlap) {
        if (overlap.isNegative()) throw new IllegalArgumentException("negative overlap");
        if (overlapping(now)) {
            return new WebhookSecrets(newSecret, Scheme.STANDARD, previous, previousScheme, previousUntil);
        }
        return new WebhookSecrets(newSecret, Scheme.STANDARD, current, currentScheme, now.plus(overlap));
    }

    /** One secret and its scheme. */
    public record Signing(String secret, Scheme scheme) {
    }

    @Override
    public String toString() {
        // never the secrets themselves
        return "WebhookSecrets[current=" + currentScheme + (previous == null ? "" : ", previous=" + previousScheme
                + " until " + previousUntil) + "]";
    }
}
