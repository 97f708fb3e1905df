package io.stipple.testinfra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * client-service's key authority as a consumer of sealed client events sees it, for a consumer's own tests: a real
 * HTTP server (the JDK's) answering {@code GET /api/v1/internal/client-keys/{clinicId}/{clientId}} to bearer tokens
 * from a {@link DevIdentityProvider} it starts, plus the service's client-credentials settings. Tests make a client's
 * key ({@link #keyFor}), destroy it ({@link #erase}: 410 from then on) or make the authority unavailable (503).
 * Use with {@code @QuarkusTestResource(value = FakeClientKeys.class, restrictToAnnotatedClass = true)}; the service
 * name is the test resource's {@code service} init arg (default {@code notification-service}).
 */
public class FakeClientKeys implements QuarkusTestResourceLifecycleManager {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, byte[]> KEYS = new ConcurrentHashMap<>();
    private static final Set<String> ERASED = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static volatile int unavailableStatus;
    private static DevIdentityProvider idp;
    private static HttpServer server;

    private String service = "notification-service";

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
    }

    @Override
    public Map<String, String> start() {
        idp = DevIdentityProvider.start();
        String secret = idp.register(service);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "fake-client-keys");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/api/v1/internal/client-keys/", FakeClientKeys::handle);
        server.start();
        return Map.of("stipple.client-keys.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "stipple.service-auth.token-url", idp.tokenUrl(),
                "stipple.service-auth.client-id", service,
                "stipple.service-auth.client-secret", secret,
                "stipple.service-auth.timeout", "2s");
    }

    @Override
    public void stop() {
        if (server != null) server.stop(0);
        if (idp != null) idp.close();
    }

    /** The client's key, made on first use. */
    public static byte[] keyFor(UUID clinicId, UUID clientId) {
        return KEYS.computeIfAbsent(clinicId + "/" + clientId, k -> {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            return key;
        });
    }

    /** The client was erased: the key is destroyed (410 from now on). */
    public static void erase(UUID clinicId, UUID clientId) {
        KEYS.remove(clinicId + "/" + clientId);
        ERASED.add(clinicId + "/" + clientId);
    }

    /** Every key request answers {@code status} (e.g. 503) until {@link #available()}. */
    public static void unavailable(int status) {
        unavailableStatus = status;
    }

    public static void available() {
        unavailableStatus = 0;
    }

    /** Service tokens the token endpoint granted so far. */
    public static int tokensGranted() {
        return idp.grants();
    }

    /** Key requests answered so far (any status). */
    public static int requests() {
        return REQUESTS.get();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            REQUESTS.incrementAndGet();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || !idp.issued(auth.substring(7))) {
                answer(exchange, 401, "{\"status\":401,\"title\":\"Unauthorized\"}");
                return;
            }
            if (unavailableStatus != 0) {
                answer(exchange, unavailableStatus, "{\"status\":" + unavailableStatus + "}");
                return;
            }
            String[] parts = exchange.getRequestURI().getPath().substring("/api/v1/internal/client-keys/".length()).split("/");
            String id = parts.length == 2 ? parts[0] + "/" + parts[1] : "";
            byte[] key = KEYS.get(id);
            if (key != null) {
                answer(exchange, 200, "{\"clinicId\":\"" + parts[0] + "\",\"clientId\":\"" + parts[1]
                        + "\",\"algorithm\":\"A256GCM\",\"key\":\"" + Base64.getEncoder().encodeToString(key) + "\"}");
            } else if (ERASED.contains(id)) {
                answer(exchange, 410, "{\"status\":410,\"type\":\"https://stipple.io/problems/client-erased\"}");
            } else {
                answer(exchange, 404, "{\"status\":404}");
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
