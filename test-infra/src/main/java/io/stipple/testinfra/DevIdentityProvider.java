package io.stipple.testinfra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The identity provider's token endpoint for service tokens, as the local stack and the tests run it: OAuth 2.0
 * client credentials (RFC 6749 §4.4) with the client authenticated by HTTP Basic, on a real HTTP server (the JDK's)
 * on a free port. Tokens are signed with the <b>development-only</b> key ({@link DevTokens}): {@code sub} = the client
 * id, {@code groups} = {@code ["service"]}, no clinic, 5 minutes. Secrets are random per run; a wrong one gets 401
 * {@code invalid_client}, anything but {@code grant_type=client_credentials} 400 {@code unsupported_grant_type}.
 */
public final class DevIdentityProvider implements AutoCloseable {

    public static final String TOKEN_PATH = "/realms/stipple/protocol/openid-connect/token";
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger grants = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService executor;

    private DevIdentityProvider(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on a free port of 127.0.0.1. */
    public static DevIdentityProvider start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "dev-identity-provider");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            DevIdentityProvider idp = new DevIdentityProvider(server, executor);
            server.createContext(TOKEN_PATH, idp::token);
            server.start();
            return idp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers a service client and returns its (random) secret. */
    public String register(String clientId) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return secrets.computeIfAbsent(clientId, id -> Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The token endpoint's URL. */
    public String tokenUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + TOKEN_PATH;
    }

    /** True when {@code token} was issued here. */
    public boolean issued(String token) {
        return issued.contains(token);
    }

    /** How many tokens were granted. */
    public int grants() {
        return grants.get();
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "{\"error\":\"invalid_request\"}");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!body.contains("grant_type=client_credentials")) {
                answer(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
                return;
            }
            String[] client = basic(exchange.getRequestHeaders().getFirst("Authorization"));
            if (client == null || !client[1].equals(secrets.get(client[0]))) {
                answer(exchange, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            String token = DevTokens.builder().subject(client[0]).roles("service")
                    .expiresAt(Instant.now().plus(LIFETIME)).sign();
            issued.add(token);
            grants.incrementAndGet();
            answer(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                    + LIFETIME.toSeconds() + "}");
        }
    }

    private static String[] basic(String header) {
        if (header == null || !header.startsWith("Basic ")) return null;
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) return null;
        return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
