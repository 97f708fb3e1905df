package io.stipple.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The JWT parser every request's authentication uses, in front of smallrye-jwt's own: a token that verified is kept,
 * by its exact text, until the earlier of its {@code exp} and {@code stipple.jwt.cache.ttl} after it verified, so a
 * front end's or partner's repeated requests with one token pay the RS256 verification (and jose4j's parsing) once
 * instead of on every request — on the event loop, where with C1-compiled code it was about half of a small
 * request's CPU there (see README, Benchmarks).
 *
 * <p>What it does not change: a token that fails verification is never kept (each attempt is verified again and
 * refused again); a token is never accepted after its {@code exp} (the cache does not extend the verifier's clock
 * skew: once expired it goes back to the verifier); only {@link #parse(String)} — the configured issuer, audience and
 * key — is cached, every other method is the verifier's own. The price: a token verified with a key that is then
 * withdrawn stays accepted for at most the ttl. The cache holds at most {@code max-entries} tokens; when full, the
 * expired ones go first, else an arbitrary tenth.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private final JWTParser verifier;
    private final LongSupplier millis;
    private final long ttlMillis;
    private final int maxEntries;
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    private record Entry(JsonWebToken token, long validUntilMillis) {
    }

    @Inject
    VerifiedTokenCache(DefaultJWTParser verifier, JwtCacheConfig config) {
        this(verifier, System::currentTimeMillis, config.ttl().toMillis(), config.maxEntries());
    }

    /** For tests: any verifier and time source. */
    VerifiedTokenCache(JWTParser verifier, LongSupplier millis, long ttlMillis, int maxEntries) {
        this.verifier = verifier;
        this.millis = millis;
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (maxEntries <= 0 || ttlMillis <= 0 || token == null) {
            return verifier.parse(token);
        }
        long now = millis.getAsLong();
        Entry hit = verified.get(token);
        if (hit != null) {
            if (now < hit.validUntilMillis) {
                return hit.token;
            }
            verified.remove(token, hit);
        }
        JsonWebToken parsed = verifier.parse(token);
        long expires = parsed.getExpirationTime() * 1000L;
        long until = Math.min(expires, now + ttlMillis);
        if (until > now) {
            makeRoom(now);
            verified.put(token, new Entry(parsed, until));
        }
        return parsed;
    }

    /** How many verified tokens are kept now. */
    int size() {
        return verified.size();
    }

    private void makeRoom(long now) {
        if (verified.size() < maxEntries) {
            return;
        }
        verified.values().removeIf(e -> e.validUntilMillis <= now);
        int excess = verified.size() - maxEntries + Math.max(1, maxEntries / 10);
        Iterator<String> keys = verified.keySet().iterator();
        while (excess-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
