package io.stipple.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

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
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

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
        return encode("{\"alg\":\"none\"}") + "." + encode(Json.write(b.claims())) + ".";
    }

    /**
     * The classic algorithm-confusion attack: HS256 with the text of the PEM public key (as published) as the
     * HMAC secret. A verifier that lets the token pick the algorithm would accept it.
     */
    public static String hs256SignedWithPublicKey(Builder b) {
        String signingInput = encode("{\"typ\":\"JWT\",\"alg\":\"HS256\"}") + "." + encode(Json.write(b.claims()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(publicKeyPem().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return signingInput + "." + B64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
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
            byte[] der = pemBody(publicKeyPem(), "PUBLIC KEY");
            return KeyFactory.getInstance("RSA").generatePublic(new java.security.spec.X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Invalid development public key", e);
        }
    }

    /** The PEM text of the public key derived from the development private key. */
    static String derivedPublicKeyPem() {
        PrivateKey key = devPrivateKey();
        if (!(key instanceof RSAPrivateCrtKey)) {
            throw new IllegalStateException("Cannot derive the public key from " + key.getClass().getName());
        }
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
        try {
            PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pub.getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        } catch (GeneralSecurityException e) {
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
            try {
                key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem, "PRIVATE KEY")));
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
                        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                        generator.initialize(2048);
                        pair = generator.generateKeyPair();
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException(e);
                    }
                    otherKeyPair = pair;
                }
            }
        }
        return pair;
    }

    private static String signRs256(Map<String, Object> claims, PrivateKey key) {
        if (!claims.keySet().containsAll(List.of("iat", "exp", "jti"))) {
            // smallrye-jwt-build would put back a default iat/exp/jti that the caller removed on purpose
            // (e.g. a token without "exp" for a security test): sign such claim sets by hand.
            String signingInput = encode("{\"typ\":\"JWT\",\"alg\":\"RS256\"}") + "." + encode(Json.write(claims));
            try {
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initSign(key);
                rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + B64URL.encodeToString(rsa.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("RS256 signing failed", e);
            }
        }
        // Passing the key object directly: no MicroProfile Config key location needed (works outside Quarkus).
        return Jwt.claims(claims).jws().algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    private static byte[] pemBody(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("Not a PEM " + type + " (expected " + begin + ")");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
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

    private static String encode(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
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

    /** Just enough JSON writing for claim sets (strings, numbers, booleans, lists, maps, null). */
    static final class Json {
        private Json() {
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String) {
                string((String) value, out);
            } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer
                    || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
                out.append(value);
            } else if (value instanceof Number) {
                double d = ((Number) value).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("Not representable in JSON: " + value);
                }
                out.append(value);
            } else if (value instanceof Map<?, ?>) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(String.valueOf(e.getKey()), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof Collection<?>) {
                out.append('[');
                boolean first = true;
                for (Object element : (Collection<?>) value) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(element, out);
                }
                out.append(']');
            } else {
                string(String.valueOf(value), out);
            }
        }

        private static void string(String s, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"': out.append("\\\""); break;
                    case '\\': out.append("\\\\"); break;
                    case '\n': out.append("\\n"); break;
                    case '\r': out.append("\\r"); break;
                    case '\t': out.append("\\t"); break;
                    case '\b': out.append("\\b"); break;
                    case '\f': out.append("\\f"); break;
                    default:
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                }
            }
            out.append('"');
        }
    }
}
