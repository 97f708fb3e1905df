package io.stipple.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.stipple.testinfra.DevTokens;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verified-token cache against smallrye-jwt's own verifier with the development key: what it keeps, for how
 * long, and what it never keeps.
 */
class VerifiedTokenCacheTest {

    private static final long TTL = 60_000;

    /** smallrye-jwt's verifier for the dev key, counting the verifications it does. */
    private static final class CountingVerifier extends DefaultJWTParser {
        final AtomicInteger parses = new AtomicInteger();

        CountingVerifier() {
            super(context());
        }

        private static JWTAuthContextInfo context() {
            JWTAuthContextInfo info = new JWTAuthContextInfo(DevTokens.publicKey(), "https://auth.stipple.local");
            info.setExpectedAudience(java.util.Set.of("stipple-api"));
            return info;
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            parses.incrementAndGet();
            return super.parse(token);
        }
    }

    private final CountingVerifier verifier = new CountingVerifier();
    private final AtomicLong now = new AtomicLong(System.currentTimeMillis());
    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, now::get, TTL, 3);

    private static String staff(Instant expiresAt) {
        return DevTokens.builder().subject("s").clinic(UUID.randomUUID()).roles("staff").expiresAt(expiresAt).sign();
    }

    @Test
    void a_verified_token_is_verified_once_within_the_ttl_and_again_after_it() throws Exception {
        String token = staff(Instant.ofEpochMilli(now.get()).plusSeconds(3600));
        JsonWebToken first = cache.parse(token);
        JsonWebToken again = cache.parse(token);
        assertThat(again).isSameAs(first);
        assertThat(verifier.parses).hasValue(1);

        now.addAndGet(TTL);
        assertThat(cache.parse(token).getSubject()).isEqualTo("s");
        assertThat(verifier.parses).hasValue(2);
    }

    @Test
    void a_kept_token_is_not_taken_past_its_expiry() throws Exception {
        // expires in 10 s, well inside the ttl: at its exp the cache hands it back to the verifier
        Instant expiry = Instant.ofEpochMilli(now.get()).plusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String token = staff(expiry);
        cache.parse(token);
        now.set(expiry.toEpochMilli() - 1);
        cache.parse(token);
        assertThat(verifier.parses).hasValue(1);
        now.set(expiry.toEpochMilli());
        cache.parse(token); // the real clock is still before exp, so the verifier accepts it; the point is it was asked
        assertThat(verifier.parses).hasValue(2);
        assertThat(cache.size()).isZero(); // and, being past exp by the cache's clock, it was not kept again
    }

    @Test
    void an_expired_token_is_refused_every_time_and_never_kept() {
        String expired = staff(Instant.ofEpochMilli(now.get()).minusSeconds(3600));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.parse(expired)).isInstanceOf(ParseException.class);
        }
        assertThat(verifier.parses).hasValue(3);
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_forged_token_is_refused_every_time_even_with_the_same_claims_as_a_kept_one() throws Exception {
        DevTokens.Builder claims = DevTokens.builder().subject("s").clinic(UUID.randomUUID()).roles("staff")
                .expiresAt(Instant.ofEpochMilli(now.get()).plusSeconds(3600));
        cache.parse(claims.sign());
        for (String forged : new String[]{DevTokens.signedWithOtherKey(claims), DevTokens.unsigned(claims),
                DevTokens.hs256SignedWithPublicKey(claims)}) {
            assertThatThrownBy(() -> cache.parse(forged)).isInstanceOf(ParseException.class);
            assertThatThrownBy(() -> cache.parse(forged)).isInstanceOf(ParseException.class);
        }
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void it_keeps_at_most_its_bound() throws Exception {
        for (int i = 0; i < 10; i++) {
            cache.parse(staff(Instant.ofEpochMilli(now.get()).plusSeconds(3600)));
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void zero_entries_turns_it_off() throws Exception {
        VerifiedTokenCache off = new VerifiedTokenCache(verifier, now::get, TTL, 0);
        String token = staff(Instant.ofEpochMilli(now.get()).plusSeconds(3600));
        off.parse(token);
        off.parse(token);
        assertThat(verifier.parses).hasValue(2);
    }
}
