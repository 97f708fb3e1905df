package io.stipple.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class DevTokensTest {

    private static final UUID CLINIC = UUID.fromString("7d1c1f52-3b8e-4f0e-9a61-2f1d9a0c5e11");

    /** A strict verifier, as a service should configure one: RS256 only, dev public key, issuer, audience. */
    private static JwtConsumer verifier() {
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer(DevTokens.ISSUER)
                .setExpectedAudience(DevTokens.AUDIENCE)
                .setVerificationKey(DevTokens.publicKey())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }

    @Test
    void tokenIsRs256SignedWithTheDevKeyAndCarriesTheStippleClaims() throws Exception {
        String token = DevTokens.token("alice", CLINIC, "clinic-admin", "artist");

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(json(parts[0])).contains("\"alg\":\"RS256\"");

        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(DevTokens.publicKey());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        JwtClaims claims = verifier().processToClaims(token);
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("clinic-admin", "artist");
        assertThat(claims.getStringClaimValue(DevTokens.CLINIC_CLAIM)).isEqualTo(CLINIC.toString());
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(3600);
        assertThat(claims.getJwtId()).isNotBlank();
        assertThat(claims.hasClaim(DevTokens.CLIENT_CLAIM)).isFalse();
    }

    @Test
    void builderSetsEveryClaim() throws Exception {
        UUID client = UUID.randomUUID();
        Instant iat = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String token = DevTokens.builder()
                .subject("portal-user")
                .clinic(CLINIC)
                .clientId(client)
                .partnerId("acme-crm")
                .roles("client")
                .issuedAt(iat)
                .expiresAt(iat.plusSeconds(600))
                .claim("locale", "de-CH")
                .claim("tenant_ids", new UUID[] {CLINIC})
                .sign();
        JwtClaims claims = verifier().processToClaims(token);
        assertThat(claims.getStringClaimValue(DevTokens.CLIENT_CLAIM)).isEqualTo(client.toString());
        assertThat(claims.getStringClaimValue(DevTokens.PARTNER_CLAIM)).isEqualTo("acme-crm");
        assertThat(claims.getStringClaimValue("locale")).isEqualTo("de-CH");
        assertThat(claims.getStringListClaimValue("tenant_ids")).containsExactly(CLINIC.toString());
        assertThat(claims.getIssuedAt().getValue()).isEqualTo(iat.getEpochSecond());
        assertThat(claims.getExpirationTime().getValue()).isEqualTo(iat.getEpochSecond() + 600);
    }

    @Test
    void wrongIssuerAudienceOrExpiryAreRejectedByAStrictVerifier() throws Exception {
        assertThatThrownBy(() -> verifier().processToClaims(DevTokens.builder().subject("a").issuer("https://evil").sign()))
                .isInstanceOf(InvalidJwtException.class);
        assertThatThrownBy(() -> verifier().processToClaims(DevTokens.builder().subject("a").audience("other").sign()))
                .isInstanceOf(InvalidJwtException.class);
        assertThatThrownBy(() -> verifier().processToClaims(DevTokens.builder().subject("a")
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign()))
                .isInstanceOf(InvalidJwtException.class);
        String noExp = DevTokens.builder().subject("a").claim("exp", null).sign();
        assertThat(json(noExp.split("\\.")[1])).doesNotContain("\"exp\"");
        assertThatThrownBy(() -> verifier().processToClaims(noExp)).isInstanceOf(InvalidJwtException.class)
                .hasMessageContaining("Expiration");
        // signed by the real key all the same: only the missing "exp" is wrong
        assertThat(new JwtConsumerBuilder().setVerificationKey(DevTokens.publicKey()).setExpectedAudience(DevTokens.AUDIENCE)
                .build().processToClaims(noExp).getSubject()).isEqualTo("a");
    }

    @Test
    void forgedTokensHaveTheExpectedShapeAndFailVerification() throws Exception {
        DevTokens.Builder b = DevTokens.builder().subject("mallory").clinic(CLINIC).roles("clinic-admin");

        String none = DevTokens.unsigned(b);
        assertThat(none).endsWith(".");
        String[] noneParts = none.split("\\.", -1);
        assertThat(noneParts).hasSize(3);
        assertThat(json(noneParts[0])).isEqualTo("{\"alg\":\"none\"}");
        assertThat(noneParts[2]).isEmpty();
        assertThat(json(noneParts[1])).contains("\"sub\":\"mallory\"", "\"groups\":[\"clinic-admin\"]",
                "\"clinic_id\":\"" + CLINIC + "\"", "\"iss\":\"" + DevTokens.ISSUER + "\"");

        String hs = DevTokens.hs256SignedWithPublicKey(b);
        String[] hsParts = hs.split("\\.");
        assertThat(json(hsParts[0])).contains("\"alg\":\"HS256\"");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(DevTokens.publicKeyPem().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        byte[] expected = mac.doFinal((hsParts[0] + "." + hsParts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlDecoder().decode(hsParts[2])).isEqualTo(expected);

        String other = DevTokens.signedWithOtherKey(b);
        assertThat(json(other.split("\\.")[0])).contains("\"alg\":\"RS256\"");

        for (String forged : new String[] {none, hs, other}) {
            assertThatThrownBy(() -> verifier().processToClaims(forged)).isInstanceOf(InvalidJwtException.class);
        }
        // the same claims, properly signed, pass
        assertThat(verifier().processToClaims(b.sign()).getSubject()).isEqualTo("mallory");
    }

    @Test
    void publicKeyFromTheResourceMatchesTheOneDerivedFromThePrivateKey() throws Exception {
        // src/test/resources holds a copy of platform's META-INF/stipple/dev-jwt-public.pem
        String resource = DevTokens.publicKeyPem();
        assertThat(resource).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(DevTokens.derivedPublicKeyPem()).isEqualTo(resource);
        Path platformCopy = Path.of("../platform/src/main/resources/META-INF/stipple/dev-jwt-public.pem");
        if (Files.exists(platformCopy)) {
            assertThat(Files.readString(platformCopy)).isEqualTo(resource);
        }
    }

    private static String json(String base64url) {
        return new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
    }
}
