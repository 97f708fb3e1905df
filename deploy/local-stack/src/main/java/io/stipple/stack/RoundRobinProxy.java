package io.stipple.stack;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A round-robin HTTP reverse proxy on loopback, as a load balancer in front of a service's replicas: every
 * <em>request</em> (not every TCP connection: clients keep connections alive) goes to the next backend in turn.
 * Method, path and query, headers (without the hop-by-hop ones; {@code Host} kept, as an ingress keeps it, so
 * {@code Location} headers name the proxy), body, status and response headers pass through; bodies are streamed both
 * ways (gallery uploads and downloads). A backend that refuses the connection (a stopped replica) is skipped and the
 * next one tried, as a load balancer's health check would; a request that reached a backend is never sent again
 * (a failure after that is a 502). Counts the requests each backend answered.
 */
public final class RoundRobinProxy implements AutoCloseable {

    /** Whether the JDK client lets the proxy send the client's {@code Host} on (see {@link #configureJdk}). */
    private static final boolean HOST_FORWARDED;

    static {
        // both JDK classes read these once, when first used in the JVM: the JDK client refuses to set Host unless
        // allowed, and the JDK server delays small writes (Nagle) unless told not to, which costs ~40 ms per reply
        String allowed = System.getProperty("jdk.httpclient.allowRestrictedHeaders", "");
        if (!allowed.toLowerCase(Locale.ROOT).contains("host")) {
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", allowed.isBlank() ? "host" : allowed + ",host");
        }
        System.setProperty("sun.net.httpserver.nodelay", "true");
        boolean allowedNow;
        try {
            HttpRequest.newBuilder().header("Host", "localhost");
            allowedNow = true;
        } catch (IllegalArgumentException e) {
            allowedNow = false; // the client was used before: the backends get X-Forwarded-Host instead
        }
        HOST_FORWARDED = allowedNow;
    }

    /** Hop-by-hop headers (RFC 9110 7.6.1) and those the JDK client sets itself; never forwarded. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "content-length",
            "expect", "http2-settings");

    /**
     * Sets the JDK properties the proxy needs (forwarding {@code Host}, no Nagle delay in the JDK server); call it
     * before the JVM uses the JDK HTTP client or server for anything else.
     */
    public static void configureJdk() {
        // the static initialiser has done it
    }

    private final String name;
    private final List<Integer> backends;
    private final AtomicLongArray answered;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService workers;
    private final HttpClient client;

    private RoundRobinProxy(String name, HttpServer server, List<Integer> backendPorts) {
        this.name = name;
        this.server = server;
        this.backends = List.copyOf(backendPorts);
        this.answered = new AtomicLongArray(backendPorts.size());
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "proxy-" + name);
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(workers)
                .build();
        server.createContext("/", this::forward);
        server.setExecutor(workers);
    }

    /**
     * Listens on 127.0.0.1:{@code port} and forwards to the backends on 127.0.0.1 at {@code backendPorts}, in turn.
     *
     * @param name what the proxy's threads and error messages are called (the service)
     */
    public static RoundRobinProxy start(String name, int port, List<Integer> backendPorts) {
        if (backendPorts.isEmpty()) {
            throw new IllegalArgumentException("a proxy needs at least one backend");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            RoundRobinProxy proxy = new RoundRobinProxy(name, server, backendPorts);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + " for " + name, e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The backends' ports, in the order they take turns. */
    public List<Integer> backends() {
        return backends;
    }

    /** Requests each backend answered so far, in the order of {@link #backends()}. */
    public List<Long> answered() {
        Long[] counts = new Long[backends.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = answered.get(i);
        }
        return List.of(counts);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpRequest.Builder request;
            try {
                request = request(exchange);
            } catch (IllegalArgumentException e) {
                // a header the client may not send on (e.g. a control character): refused as a load balancer would
                problem(exchange, 400, "Bad request", "The proxy cannot forward this request: " + e.getMessage());
                return;
            }
            int first = Math.floorMod(next.getAndIncrement(), backends.size());
            for (int i = 0; i < backends.size(); i++) {
                int backend = (first + i) % backends.size();
                HttpResponse<InputStream> response;
                try {
                    response = client.send(request.uri(target(backend, exchange.getRequestURI())).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                } catch (ConnectException | HttpConnectTimeoutException e) {
                    continue; // not listening (a stopped replica): the request never reached it, try the next one
                } catch (IOException e) {
                    // it reached the backend (which may have acted on it): never sent twice
                    problem(exchange, 502, "Bad gateway", name + " instance on port " + backends.get(backend)
                            + " failed to answer: " + e);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                answered.incrementAndGet(backend);
                respond(exchange, response);
                return;
            }
            problem(exchange, 503, "Service unavailable", "No instance of " + name + " accepts connections");
        }
    }

    private static HttpRequest.Builder request(HttpExchange exchange) {
        HttpRequest.Builder builder = HttpRequest.newBuilder().expectContinue(false);
        exchange.getRequestHeaders().forEach((header, values) -> {
            String lower = header.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower)) {
                String as = lower.equals("host") && !HOST_FORWARDED ? "X-Forwarded-Host" : header;
                values.forEach(value -> builder.header(as, value));
            }
        });
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        boolean chunked = exchange.getRequestHeaders().containsKey("Transfer-Encoding");
        HttpRequest.BodyPublisher body;
        if (length != null && !chunked) {
            long bytes = Long.parseLong(length.trim());
            body = bytes == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody), bytes);
        } else if (chunked) {
            body = HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody);
        } else {
            body = HttpRequest.BodyPublishers.noBody();
        }
        return builder.method(exchange.getRequestMethod(), body);
    }

    private URI target(int backend, URI requested) {
        String query = requested.getRawQuery();
        return URI.create("http://127.0.0.1:" + backends.get(backend) + requested.getRawPath()
                + (query == null ? "" : "?" + query));
    }

    private static void respond(HttpExchange exchange, HttpResponse<InputStream> response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.headers().map().forEach((header, values) -> {
            if (!NOT_FORWARDED.contains(header.toLowerCase(Locale.ROOT)) && !header.startsWith(":")) {
                headers.put(header, values);
            }
        });
        int status = response.statusCode();
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        boolean noBody = "HEAD".equalsIgnoreCase(exchange.getRequestMethod()) || status == 204 || status == 304
                || length == 0;
        try (InputStream in = response.body()) {
            if (noBody) {
                exchange.sendResponseHeaders(status, -1);
                in.transferTo(OutputStream.nullOutputStream());
                return;
            }
            // a known length is kept; otherwise chunked (0)
            exchange.sendResponseHeaders(status, Math.max(length, 0));
            try (OutputStream out = exchange.getResponseBody()) {
                in.transferTo(out);
            }
        }
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        String json = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail.replaceAll("[\\\\\"]", "'").replaceAll("\\p{Cntrl}", " ") + "\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put("Content-Type", List.of("application/problem+json"));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name).append(" proxy :").append(port()).append(" →");
        List<Long> counts = answered();
        for (int i = 0; i < backends.size(); i++) {
            s.append(' ').append(backends.get(i)).append('=').append(counts.get(i));
        }
        return s.toString();
    }
}
