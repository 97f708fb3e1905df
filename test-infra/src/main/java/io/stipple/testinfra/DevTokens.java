package io.stipple.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.base64url.SimplePEMEncoder;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.RsaKeyUtil;
import org.jose4j.lang.JoseException;

/**
 * Mints JWTs the way Stipple's identity provider would, signed with the <b>development-only</b> key pair
 * ({@code META-INF/stipple/dev-jwt-private.pem} in this jar, public half {@code META-INF/stipple/dev-jwt-public.pem}
 * in the platform jar). Works inside Quarkus tests and from a plain {@code main}.
 *
 * <p>Claims: {@code iss} {@value #ISSUER}, {@code aud} {@value #AUDIENCE}, {@code sub}, roles in {@code groups},
 * {@value #CLINIC_CLAIM}, {@value #CLIENT_CLAIM}, {@value #PARTNER_CLAIM}, {@code iat}, {@code exp}, {@code jti}.
 * Also builds forged tokens for security tests: {@link #unsigned}, {@link #hs256SignedWithPublicKey},
 * {@link #signedWithOtherKey}.
 */
public final class DevTokens {

    public static final String ISSUER = "https://auth.stipple.local";
    public static final String AUDIENCE = "stipple-api";
    public static final String CLINIC_CLAIM = "clinic_id";
    public static final String CLIENT_CLAIM = "client_id";
    public static final String PARTNER_CLAIM = "partner_id";
    public static final String GROUPS_CLAIM = "groups";

    public static final String PRIVATE_KEY_RESOURCE = "META-INF/stipple/dev-jwt-private.pem";
    public static final String PUBLIC_KEY_RESOURCE = "META-INF/stipple/dev-jwt-public.pem";

    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private static volatile PrivateKey privateKey;
    private static volatile KeyPair otherKeyPair;

    private DevTokens() {
    }

    /** A valid token (1 hour) for {@code subject} in {@code clinicId} (may be null) with the given roles. */
    public static String token(String subject, UUID clinicId, String... roles) {
        return builder().subject(subject).clinic(clinicId).roles(roles).sign();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The builder's claims with header {@code {"alg":"none"}} and an empty signature: {@code header.payload.}. */
    public static String unsigned(Builder b) {
        JsonWebSignature jws = jws(b.claims(), AlgorithmIdentifiers.NONE, null);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        return serialize(jws);
    }

    /**
     * The classic algorithm-confusion attack: HS256 with the text of the PEM public key (as published) as the
     * HMAC secret. A verifier that lets the token pick the algorithm would accept it.
     */
    public static String hs256SignedWithPublicKey(Builder b) {
        return serialize(jws(b.claims(), AlgorithmIdentifiers.HMAC_SHA256,
                new HmacKey(publicKeyPem().getBytes(StandardCharsets.US_ASCII))));
    }

    /** A well-formed RS256 token signed by an RSA key that is not the development key (generated once per JVM). */
    public static String signedWithOtherKey(Builder b) {
        return signRs256(b.claims(), otherKeyPair().getPrivate());
    }

    /**
     * The development public key as PEM text: the classpath resource {@value #PUBLIC_KEY_RESOURCE} when present
     * (it is in the platform jar), otherwise derived from the private key (same text as {@code openssl pkey -pubout}).
     */
    public static String publicKeyPem() {
        String pem = readResource(PUBLIC_KEY_RESOURCE);
        return pem != null ? pem : derivedPublicKeyPem();
    }

    /** The development public key (for verifying in tests). */
    public static PublicKey publicKey() {
        try {
            return new RsaKeyUtil().fromPemEncoded(publicKeyPem());
        } catch (JoseException | GeneralSecurityException e) {
            throw new IllegalStateException("Invalid development public key", e);
        }
    }

    /** The PEM text of the public key derived from the development private key (as {@code openssl pkey -pubout}). */
    static String derivedPublicKeyPem() {
        PrivateKey key = devPrivateKey();
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("Cannot derive the public key from " + key.getClass().getName());
        }
        try {
            PublicKey pub = new RsaKeyUtil().publicKey(crt.getModulus(), crt.getPublicExponent());
            return RsaKeyUtil.pemEncode(pub).replace("\r\n", "\n") + "\n";
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey devPrivateKey() {
        PrivateKey key = privateKey;
        if (key == null) {
            String pem = readResource(PRIVATE_KEY_RESOURCE);
            if (pem == null) {
                throw new IllegalStateException("Classpath resource " + PRIVATE_KEY_RESOURCE + " not found");
            }
            if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new IllegalStateException(PRIVATE_KEY_RESOURCE + " is not a PEM PKCS#8 private key");
            }
            try {
                byte[] der = SimplePEMEncoder.decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""));
                key = KeyFactory.getInstance(RsaKeyUtil.RSA).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Invalid PKCS#8 key in " + PRIVATE_KEY_RESOURCE, e);
            }
            privateKey = key;
        }
        return key;
    }

    private static KeyPair otherKeyPair() {
        KeyPair pair = otherKeyPair;
        if (pair == null) {
            synchronized (DevTokens.class) {
                pair = otherKeyPair;
                if (pair == null) {
                    try {
                        pair = new RsaKeyUtil().generateKeyPair(2048);
                    } catch (JoseException e) {
                        throw new IllegalStateException(e);
                    }
                    otherKeyPair = pair;
                }
            }
        }
        return pair;
    }

    /** RS256 over exactly these claims (no default {@code iat}/{@code exp}/{@code jti} is added). */
    private static String signRs256(Map<String, Object> claims, PrivateKey key) {
        return serialize(jws(claims, AlgorithmIdentifiers.RSA_USING_SHA256, key));
    }

    private static JsonWebSignature jws(Map<String, Object> claims, String algorithm, Key key) {
        JsonWebSignature jws = new JsonWebSignature();
        if (key != null) {
            jws.setHeader("typ", "JWT"); // an unsigned token names only its algorithm, as the classic forgery does
        }
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setPayload(JsonUtil.toJson(claims));
        jws.setKey(key);
        jws.setDoKeyValidation(false); // the forgeries use keys a careful signer would refuse
        return jws;
    }

    private static String serialize(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Signing failed (" + jws.getAlgorithmHeaderValue() + ")", e);
        }
    }

    private static String readResource(String name) {
        ClassLoader[] loaders = {Thread.currentThread().getContextClassLoader(), DevTokens.class.getClassLoader()};
        for (ClassLoader loader : loaders) {
            if (loader == null) {
                continue;
            }
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + name, e);
            }
        }
        return null;
    }

    /** Fluent description of a token's claims. Each {@code sign()}/forgery call reads the builder as it is then. */
    public static final class Builder {
        private String subject;
        private UUID clinic;
        private List<String> roles = List.of();
        private UUID clientId;
        private String partnerId;
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant expiresAt;
        private Instant issuedAt;
        private final Map<String, Object> extra = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** {@value DevTokens#CLINIC_CLAIM}; null leaves it out. */
        public Builder clinic(UUID clinicId) {
            this.clinic = clinicId;
            return this;
        }

        /** Roles, in the {@code groups} claim (replaces earlier roles). */
        public Builder roles(String... roles) {
            this.roles = roles == null ? List.of() : List.copyOf(Arrays.asList(roles));
            return this;
        }

        /** {@value DevTokens#CLIENT_CLAIM}: the client (end customer) a client-portal token belongs to. */
        public Builder clientId(UUID clientId) {
            this.clientId = clientId;
            return this;
        }

        /** {@value DevTokens#PARTNER_CLAIM}: the partner an integration token belongs to. */
        public Builder partnerId(String partnerId) {
            this.partnerId = partnerId;
            return this;
        }

        /** Default {@value DevTokens#ISSUER}; null leaves {@code iss} out. */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Default {@value DevTokens#AUDIENCE}; null leaves {@code aud} out. */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** Default: {@code iat} + 1 hour. A past instant makes an expired token. */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Default: now. */
        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        /**
         * Any other claim; it wins over the claims above with the same name. A null value removes the claim
         * (also a standard one, e.g. {@code claim("exp", null)}). UUIDs become strings, Instants epoch seconds.
         */
        public Builder claim(String name, Object value) {
            extra.put(name, value);
            return this;
        }

        /** RS256 with the development private key. */
        public String sign() {
            return signRs256(claims(), devPrivateKey());
        }

        Map<String, Object> claims() {
            Instant iat = issuedAt != null ? issuedAt : Instant.now();
            Instant exp = expiresAt != null ? expiresAt : iat.plus(DEFAULT_LIFETIME);
            Map<String, Object> c = new LinkedHashMap<>();
            putIfNotNull(c, "iss", issuer);
            putIfNotNull(c, "sub", subject);
            putIfNotNull(c, "aud", audience);
            c.put("iat", iat.getEpochSecond());
            c.put("exp", exp.getEpochSecond());
            c.put("jti", UUID.randomUUID().toString());
            if (!roles.isEmpty()) {
                c.put(GROUPS_CLAIM, new ArrayList<>(roles));
            }
            putIfNotNull(c, CLINIC_CLAIM, clinic);
            putIfNotNull(c, CLIENT_CLAIM, clientId);
            putIfNotNull(c, PARTNER_CLAIM, partnerId);
            extra.forEach((name, value) -> {
                if (value == null) {
                    c.remove(name);
                } else {
                    c.put(name, normalize(value));
                }
            });
            return c;
        }

        private static void putIfNotNull(Map<String, Object> claims, String name, Object value) {
            if (value != null) {
                claims.put(name, normalize(value));
            }
        }

        private static Object normalize(Object value) {
            if (value instanceof UUID || value instanceof Enum<?> || value instanceof Character) {
                return value.toString();
            }
            if (value instanceof Instant) {
                return ((Instant) value).getEpochSecond();
            }
            if (value instanceof Collection<?>) {
                List<Object> list = new ArrayList<>();
                for (Object element : (Collection<?>) value) {
                    list.add(normalize(element));
                }
                return list;
            }
            if (value != null && value.getClass().isArray()) {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < Array.getLength(value); i++) {
                    list.add(normalize(Array.get(value, i)));
                }
                return list;
            }
            if (value instanceof Map<?, ?>) {
                Map<String, Object> map = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> map.put(String.valueOf(k), normalize(v)));
                return map;
            }
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                return value;
            }
            return String.valueOf(value);
        }
    }
}
