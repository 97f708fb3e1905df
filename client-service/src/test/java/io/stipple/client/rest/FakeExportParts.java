package io.stipple.client.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * booking-, gallery- and notification-service as far as the export archive sees them: a real HTTP server (the JDK's)
 * on a free port whose answers each test sets per path, and which records what it was asked. client-service's
 * {@code stipple.services.*-url} point at it; the part timeout is short so a stalled service is proved quickly.
 */
public class FakeExportParts implements QuarkusTestResourceLifecycleManager {

    /** An answer to one path (query ignored); {@code hold}, when set, is awaited first (a service that stalls). */
    public record Reply(int status, String contentType, byte[] body, CountDownLatch hold) {
    }

    /** A request as the fake service saw it. */
    public record Seen(String path, String query, String authorization, String correlationId) {
    }

    private static final Map<String, Reply> REPLIES = new ConcurrentHashMap<>();
    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    private static HttpServer server;
    private static ExecutorService executor;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", FakeExportParts::handle);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("stipple.services.booking-url", base,
                "stipple.services.gallery-url", base + "/",
                "stipple.services.notification-url", base,
                "stipple.services.timeout", "2s",
                "stipple.services.photo-timeout", "2s",
                "stipple.services.retry-after-seconds", "17");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    public static void reset() {
        REPLIES.clear();
        SEEN.clear();
    }

    public static void json(String path, String body) {
        REPLIES.put(path, new Reply(200, "application/json", body.getBytes(StandardCharsets.UTF_8), null));
    }

    public static void bytes(String path, String contentType, byte[] body) {
        REPLIES.put(path, new Reply(200, contentType, body, null));
    }

    public static void status(String path, int status) {
        REPLIES.put(path, new Reply(status, "application/problem+json",
                ("{\"type\":\"https://stipple.io/problems/x\",\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8), null));
    }

    /** The path answers only once {@code hold} is released (or after 20 s). */
    public static void stall(String path, CountDownLatch hold) {
        REPLIES.put(path, new Reply(200, "application/json", "{}".getBytes(StandardCharsets.UTF_8), hold));
    }

    public static List<Seen> seen() {
        return List.copyOf(SEEN);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        SEEN.add(new Seen(path, exchange.getRequestURI().getQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-Correlation-Id")));
        Reply reply = REPLIES.getOrDefault(path, new Reply(404, "application/problem+json",
                "{\"type\":\"https://stipple.io/problems/not-found\",\"status\":404}".getBytes(StandardCharsets.UTF_8), null));
        try {
            if (reply.hold() != null) {
                reply.hold().await(20, TimeUnit.SECONDS);
            }
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the caller gave up waiting (the stalled-service test): nothing to answer to
        } finally {
            exchange.close();
        }
    }
}
