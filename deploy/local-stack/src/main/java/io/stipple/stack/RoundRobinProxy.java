package io.stipple.stack;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * ways (gallery uploads and downloads), and the answer is read while the request body is still being sent, so a
 * backend that refuses a body early (413) is heard. A backend that refuses the connection (a stopped replica) is
 * skipped and the next one tried, as a load balancer's health check would; a request that reached a backend is never
 * sent again (a failure after that is a 502). Counts the requests each backend answered.
 *
 * <p>Towards the backends it speaks HTTP/1.1 over one connection per request ({@code Connection: close}).
 */
public final class RoundRobinProxy implements AutoCloseable {

    static {
        // read once, when the JDK HTTP server is first used in the JVM: it delays small writes (Nagle) unless told
        // otherwise, and closes a kept-alive connection after 30 s idle, which races with a client sending its next
        // request on it (the client sees no answer and resends only a GET); a load balancer's idle timeout is longer
        // than its clients' keep-alive
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (System.getProperty("sun.net.httpserver.idleInterval") == null) {
            System.setProperty("sun.net.httpserver.idleInterval", "3600");
        }
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "1000");
        }
    }

    /** Hop-by-hop headers (RFC 9110 7.6.1) and the body framing, which the proxy sets itself on each side. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "content-length",
            "expect", "http2-settings");

    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int READ_TIMEOUT_MS = 300_000;

    private final String name;
    private final List<Integer> backends;
    private final AtomicLongArray answered;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService workers;

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
        server.createContext("/", this::forward);
        server.setExecutor(workers);
    }

    /**
     * Sets what the proxy needs of the JVM (no Nagle delay in the JDK HTTP server, idle client connections kept for an
     * hour); call it before the JVM uses the JDK HTTP server for anything else.
     */
    public static void configureJdk() {
        // the static initialiser has done it
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
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < backends.size(); i++) {
            counts.add(answered.get(i));
        }
        return List.copyOf(counts);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            int first = Math.floorMod(next.getAndIncrement(), backends.size());
            for (int i = 0; i < backends.size(); i++) {
                int backend = (first + i) % backends.size();
                Socket socket = new Socket();
                try {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), backends.get(backend)),
                            CONNECT_TIMEOUT_MS);
                } catch (ConnectException | SocketTimeoutException e) {
                    socket.close();
                    continue; // not listening (a stopped replica): the request never reached it, try the next one
                }
                Exchange relay = new Exchange(exchange, socket);
                try (socket) {
                    relay.forward(() -> answered.incrementAndGet(backend));
                } catch (IOException e) {
                    if (!relay.answerStarted) {
                        relay.awaitBodyReadQuietly();
                        // it reached the backend (which may have acted on it): never sent twice
                        problem(exchange, 502, "Bad gateway", name + " instance on port " + backends.get(backend)
                                + " failed to answer: " + e);
                    }
                    // else the answer broke off midway: closing the exchange tells the client
                }
                return;
            }
            // the body is read to its end first, so the client's kept-alive connection stays in step
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            problem(exchange, 503, "Service unavailable", "No instance of " + name + " accepts connections");
        }
    }

    /** One request relayed over its own backend connection. */
    private final class Exchange {
        private final HttpExchange exchange;
        private final Socket socket;
        boolean answerStarted;
        /** The request body's relay; done once the client's body is read to its end. */
        private java.util.concurrent.Future<?> body = java.util.concurrent.CompletableFuture.completedFuture(null);

        Exchange(HttpExchange exchange, Socket socket) {
            this.exchange = exchange;
            this.socket = socket;
        }

        void forward(Runnable answered) throws IOException {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream toBackend = socket.getOutputStream();
            Headers in = exchange.getRequestHeaders();
            String length = in.getFirst("Content-Length");
            boolean chunked = in.containsKey("Transfer-Encoding");
            StringBuilder head = new StringBuilder(exchange.getRequestMethod()).append(' ')
                    .append(exchange.getRequestURI().getRawPath());
            if (exchange.getRequestURI().getRawQuery() != null) {
                head.append('?').append(exchange.getRequestURI().getRawQuery());
            }
            head.append(" HTTP/1.1\r\n");
            in.forEach((header, values) -> {
                if (!NOT_FORWARDED.contains(header.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> head.append(header).append(": ").append(value).append("\r\n"));
                }
            });
            boolean hasBody = chunked || (length != null && Long.parseLong(length.trim()) > 0);
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + (hasBody ? length.trim() : "0") + "\r\n");
            head.append("Connection: close\r\n\r\n");
            toBackend.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            toBackend.flush();
            if (hasBody) {
                // sent beside reading the answer: a backend may answer (413) before it has read the body
                this.body = workers.submit(() -> sendBody(toBackend, chunked));
            }
            answer(new BufferedInputStream(socket.getInputStream()), answered);
        }

        /**
         * Relays the client's body to the backend; if the backend stops taking it (it answered early, e.g. 413), reads
         * the rest of it all the same, so the client's kept-alive connection stays in step for its next request.
         */
        private void sendBody(OutputStream toBackend, boolean chunked) {
            byte[] buffer = new byte[65536];
            InputStream body = exchange.getRequestBody();
            try {
                for (int n; (n = body.read(buffer)) > 0; ) {
                    if (chunked) {
                        toBackend.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    }
                    toBackend.write(buffer, 0, n);
                    if (chunked) {
                        toBackend.write(CRLF);
                    }
                }
                if (chunked) {
                    toBackend.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                toBackend.flush();
            } catch (IOException e) {
                // the backend stopped reading: it has answered (or died, which the answer's side reports)
                try {
                    body.transferTo(OutputStream.nullOutputStream());
                } catch (IOException clientGone) {
                    // the client went away as well
                }
            }
        }

        /**
         * Waits until the client's body is read to its end: the JDK server would otherwise drain it itself when the
         * answer is sent, at the same time as {@link #sendBody} reads it, and the connection would get out of step.
         */
        void awaitBodyReadQuietly() {
            try {
                awaitBodyRead();
            } catch (IOException e) {
                // answered with an error anyway; the server closes a connection it cannot drain
            }
        }

        private void awaitBodyRead() throws IOException {
            try {
                body.get(READ_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IOException("the request body was not read to its end", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        private void answer(InputStream fromBackend, Runnable answered) throws IOException {
            int status;
            List<String[]> headers;
            do { // interim answers (100 Continue) are the backend's business with the proxy
                String statusLine = line(fromBackend);
                if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                    throw new IOException("not an HTTP answer: " + statusLine);
                }
                status = Integer.parseInt(statusLine.substring(9, 12));
                headers = new ArrayList<>();
                for (String line; !(line = line(fromBackend)).isEmpty(); ) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
                    }
                }
            } while (status >= 100 && status < 200);
            answered.run();
            long length = -1;
            boolean chunked = false;
            Headers out = exchange.getResponseHeaders();
            for (String[] h : headers) {
                String lower = h[0].toLowerCase(Locale.ROOT);
                if (lower.equals("content-length")) {
                    length = Long.parseLong(h[1]);
                } else if (lower.equals("transfer-encoding")) {
                    chunked = h[1].toLowerCase(Locale.ROOT).contains("chunked");
                } else if (!NOT_FORWARDED.contains(lower)) {
                    out.add(h[0], h[1]);
                }
            }
            boolean noBody = "HEAD".equalsIgnoreCase(exchange.getRequestMethod()) || status == 204 || status == 304
                    || (!chunked && length == 0);
            // a short answer is taken at once: a backend that answered early may reset the connection when it
            // closes with the rest of the request body unread, and the answer must not be lost with it
            byte[] small = null;
            if (!noBody && !chunked && length > 0 && length <= 65536) {
                small = fromBackend.readNBytes((int) length);
                if (small.length < length) {
                    throw new IOException("the backend closed the connection before the end of the body");
                }
            }
            awaitBodyRead();
            answerStarted = true;
            if (noBody) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            if (small != null) {
                exchange.sendResponseHeaders(status, small.length);
                try (OutputStream toClient = exchange.getResponseBody()) {
                    toClient.write(small);
                }
                return;
            }
            // a known length is kept; otherwise chunked to the client (0)
            exchange.sendResponseHeaders(status, chunked ? 0 : Math.max(length, 0));
            try (OutputStream toClient = exchange.getResponseBody()) {
                if (chunked) {
                    for (long size; (size = Long.parseLong(line(fromBackend).split(";")[0].trim(), 16)) > 0; ) {
                        copy(fromBackend, toClient, size);
                        line(fromBackend); // the CRLF after the chunk
                    }
                    while (!line(fromBackend).isEmpty()) {
                        // trailers: dropped
                    }
                } else if (length > 0) {
                    copy(fromBackend, toClient, length);
                } else {
                    fromBackend.transferTo(toClient); // until the backend closes
                }
            }
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private static void copy(InputStream from, OutputStream to, long bytes) throws IOException {
        byte[] buffer = new byte[65536];
        for (long left = bytes; left > 0; ) {
            int n = from.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the backend closed the connection " + left + " bytes before the end of the body");
            }
            to.write(buffer, 0, n);
            left -= n;
        }
    }

    /** One header line (ISO-8859-1), without its CRLF. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("the backend closed the connection mid-answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
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
