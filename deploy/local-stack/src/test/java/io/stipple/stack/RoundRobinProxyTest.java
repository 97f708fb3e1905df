package io.stipple.stack;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RoundRobinProxyTest {

    private static final int TWENTY_MB = 20 * 1024 * 1024;

    private static HttpClient client;
    private final List<AutoCloseable> started = new ArrayList<>();

    @BeforeAll
    static void keepAliveClient() {
        RoundRobinProxy.configureJdk();
        // one client, HTTP/1.1 keep-alive: its requests share a connection, and must still alternate
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable c : started) {
            c.close();
        }
    }

    @Test
    void alternates_per_request_on_one_kept_alive_connection() throws Exception {
        Backend a = backend("A");
        Backend b = backend("B");
        RoundRobinProxy proxy = proxy(a.port(), b.port());

        List<String> answeredBy = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answeredBy.add(client.send(get(proxy, "/who"), HttpResponse.BodyHandlers.ofString()).headers()
                    .firstValue("X-Backend").orElseThrow());
        }

        assertThat(answeredBy).containsExactly("A", "B", "A", "B", "A", "B");
        assertThat(proxy.answered()).containsExactly(3L, 3L);
        assertThat(proxy.toString()).contains(a.port() + "=3", b.port() + "=3");
    }

    @Test
    void passes_method_path_query_headers_and_a_20_mb_body_up_and_status_headers_and_a_20_mb_body_down()
            throws Exception {
        Backend a = backend("A");
        RoundRobinProxy proxy = proxy(a.port());
        byte[] upload = new byte[TWENTY_MB];
        new Random(7).nextBytes(upload);

        HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(base(proxy) + "/upload/x%20y?a=1&b=%2F"))
                .header("X-Echo", "hello").header("Idempotency-Key", "k-1").header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(upload)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("PUT /upload/x%20y?a=1&b=%2F " + upload.length + " " + sha256(upload));
        assertThat(created.headers().firstValue("X-Echoed")).contains("hello|k-1|image/png");
        // the backend saw the Host the client asked for (the proxy), so a Location it builds names the proxy
        assertThat(created.headers().firstValue("X-Host")).contains("127.0.0.1:" + proxy.port());
        assertThat(created.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");

        // a body of unknown length goes on chunked
        HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(URI.create(base(proxy) + "/upload/chunked"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(upload)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(201);
        assertThat(chunked.body()).isEqualTo("POST /upload/chunked?null " + upload.length + " " + sha256(upload));

        // the backend sends the download chunked (no length)
        HttpResponse<byte[]> download = client.send(get(proxy, "/download"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(download.body()).hasSize(TWENTY_MB);
        assertThat(sha256(download.body())).isEqualTo(sha256(Backend.download()));

        HttpResponse<String> noContent = client.send(HttpRequest.newBuilder(URI.create(base(proxy) + "/gone"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noContent.statusCode()).isEqualTo(204);
        assertThat(noContent.body()).isEmpty();
    }

    @Test
    void skips_a_backend_that_refuses_connections() throws Exception {
        Backend a = backend("A");
        int stopped = freePort(); // nobody listens there: a stopped replica
        RoundRobinProxy proxy = proxy(stopped, a.port());

        for (int i = 0; i < 4; i++) {
            HttpResponse<String> r = client.send(get(proxy, "/who"), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Backend")).contains("A");
        }
        assertThat(proxy.answered()).containsExactly(0L, 4L);
    }

    @Test
    void never_sends_a_request_twice_once_it_reached_a_backend() throws Exception {
        Backend a = backend("A");
        AtomicInteger accepted = new AtomicInteger();
        // takes the request, then dies without an answer (a replica killed mid-request)
        ServerSocket dying = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        started.add(dying);
        Thread t = new Thread(() -> {
            while (!dying.isClosed()) {
                try (Socket s = dying.accept()) {
                    accepted.incrementAndGet();
                    s.getInputStream().read(new byte[8192]);
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        RoundRobinProxy proxy = proxy(dying.getLocalPort(), a.port());

        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base(proxy) + "/pay"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(accepted.get()).isEqualTo(1);
        assertThat(proxy.answered()).containsExactly(0L, 0L);
    }

    @Test
    void passes_on_an_answer_the_backend_gives_before_reading_the_body() throws Exception {
        RoundRobinProxy proxy = proxy(earlyAnswering(413));

        String answer = rawPost(proxy, new byte[5 * 1024 * 1024]);

        assertThat(answer).startsWith("HTTP/1.1 413").contains("{\"status\":413}");
        assertThat(proxy.answered()).containsExactly(1L);
    }

    @Test
    void a_kept_alive_connection_stays_in_step_after_an_answer_given_before_the_body_was_read() throws Exception {
        Backend a = backend("A");
        RoundRobinProxy proxy = proxy(earlyAnswering(401), a.port());
        byte[] body = new byte[5 * 1024 * 1024];

        // each refused POST is followed by a request on the same kept-alive connection, which must be answered
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(base(proxy) + "/pay"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            HttpResponse<String> next = client.send(HttpRequest.newBuilder(URI.create(base(proxy) + "/upload/next"))
                    .POST(HttpRequest.BodyPublishers.ofString("next")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(next.statusCode()).isEqualTo(201);
        }
        assertThat(proxy.answered()).containsExactly(10L, 10L);
    }

    /** A backend that answers {@code status} as soon as it has a request's head, and closes (as a refusal does). */
    private int earlyAnswering(int status) throws IOException {
        ServerSocket refusing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        started.add(refusing);
        Thread t = new Thread(() -> {
            while (!refusing.isClosed()) {
                try (Socket s = refusing.accept()) {
                    InputStream in = s.getInputStream();
                    int matched = 0;
                    while (matched < 4) {
                        int b = in.read();
                        matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
                    }
                    String problem = "{\"status\":" + status + "}";
                    s.getOutputStream().write(("HTTP/1.1 " + status + " Refused\r\nContent-Type: application/problem+json"
                            + "\r\nContent-Length: " + problem.length() + "\r\nConnection: close\r\n\r\n" + problem).getBytes());
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    // the next connection
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return refusing.getLocalPort();
    }

    @Test
    void answers_503_when_no_backend_accepts_connections() throws Exception {
        RoundRobinProxy proxy = proxy(freePort(), freePort());

        HttpResponse<String> r = client.send(get(proxy, "/who"), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(r.body()).contains("\"status\":503", "No instance of test accepts connections");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private RoundRobinProxy proxy(Integer... backends) throws IOException {
        RoundRobinProxy proxy = RoundRobinProxy.start("test", freePort(), List.of(backends));
        started.add(proxy);
        return proxy;
    }

    private Backend backend(String name) throws IOException {
        Backend backend = new Backend(name);
        started.add(backend);
        return backend;
    }

    /** A POST over a plain socket, the body sent while the answer is read (as journey-tests' {@code Http.raw}). */
    private static String rawPost(RoundRobinProxy proxy, byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /big HTTP/1.1\r\nHost: 127.0.0.1:" + proxy.port() + "\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes());
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // the other side stopped reading: it has answered
                }
            });
            writer.setDaemon(true);
            writer.start();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                    if (answer.toString().endsWith("}")) {
                        break;
                    }
                }
            } catch (IOException e) {
                // reset after the answer: keep what was read
            }
            return answer.toString();
        }
    }

    private static HttpRequest get(RoundRobinProxy proxy, String path) {
        return HttpRequest.newBuilder(URI.create(base(proxy) + path)).GET().build();
    }

    private static String base(RoundRobinProxy proxy) {
        return "http://127.0.0.1:" + proxy.port();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tiny backend: says who it is, echoes what it got, serves 20 MB. */
    private static final class Backend implements AutoCloseable {

        private final HttpServer server;

        Backend(String name) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getResponseHeaders().add("X-Backend", name);
                    String path = exchange.getRequestURI().getRawPath();
                    if (path.equals("/download")) {
                        byte[] body = download();
                        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                        exchange.sendResponseHeaders(200, 0);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    } else if (path.equals("/gone")) {
                        exchange.sendResponseHeaders(204, -1);
                    } else if (path.startsWith("/upload")) {
                        byte[] got;
                        try (InputStream in = exchange.getRequestBody()) {
                            got = in.readAllBytes();
                        }
                        var h = exchange.getRequestHeaders();
                        exchange.getResponseHeaders().add("X-Echoed", h.getFirst("X-Echo") + "|"
                                + h.getFirst("Idempotency-Key") + "|" + h.getFirst("Content-Type"));
                        exchange.getResponseHeaders().add("X-Host", h.getFirst("Host"));
                        exchange.getResponseHeaders().add("Set-Cookie", "a=1");
                        exchange.getResponseHeaders().add("Set-Cookie", "b=2");
                        byte[] body = (exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + "?"
                                + exchange.getRequestURI().getRawQuery() + " " + got.length + " " + sha256(got))
                                .getBytes();
                        exchange.sendResponseHeaders(201, body.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    } else {
                        exchange.sendResponseHeaders(200, -1);
                    }
                }
            });
            server.start();
        }

        static byte[] download() {
            byte[] body = new byte[TWENTY_MB];
            new Random(11).nextBytes(body);
            return body;
        }

        int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
