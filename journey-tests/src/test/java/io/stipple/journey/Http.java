package io.stipple.journey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client for the sweeps over every operation: raw bodies and headers exactly as given. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** The status of a request the JDK client itself refuses to send (an illegal header value). */
    public static final int NOT_SENDABLE = -2;

    /** What came back; {@code status} -1 when the connection failed (the reason in {@code body}). */
    public record Reply(String request, int status, String contentType, String body, Map<String, String> headers) {

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        /** The request and response, short enough for an assertion message. */
        public String describe() {
            String text = body == null ? "" : body.replaceAll("\\s+", " ");
            return request + " -> " + status + " " + (contentType == null ? "" : contentType) + " "
                    + (text.length() > 400 ? text.substring(0, 400) + "…" : text);
        }
    }

    /** A request being built. */
    public static final class Request {
        private final String method;
        private final String url;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private String label;

        private Request(String method, String url) {
            this.method = method;
            this.url = url;
        }

        public Request token(String token) {
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request json(String json) {
            return body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public Request body(String contentType, byte[] bytes) {
            headers.put("Content-Type", contentType);
            this.body = bytes;
            return this;
        }

        /** How the request is named in failure messages (defaults to method and URL). */
        public Request label(String label) {
            this.label = label;
            return this;
        }

        public Reply send() {
            String name = label != null ? label : method + " " + url;
            HttpRequest.Builder b;
            try {
                b = HttpRequest.newBuilder(URI.create(url));
            } catch (IllegalArgumentException e) {
                return new Reply(name, -1, null, "invalid URI: " + e.getMessage(), Map.of());
            }
            b.timeout(Duration.ofSeconds(30)).header("Accept", "application/json, application/problem+json, */*");
            try {
                headers.forEach(b::header);
            } catch (IllegalArgumentException e) {
                return new Reply(name, NOT_SENDABLE, null, "the HTTP client refuses to send it: " + e.getMessage(), Map.of());
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            try {
                HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
                Map<String, String> h = new LinkedHashMap<>();
                r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(",", v)));
                return new Reply(name, r.statusCode(), r.headers().firstValue("content-type").orElse(null), r.body(), h);
            } catch (IOException e) {
                return new Reply(name, -1, null, e.getClass().getSimpleName() + ": " + e.getMessage(), Map.of());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /**
     * Sends a request over a plain socket: the head (with the body's {@code Content-Length}) first, then the body
     * while reading the answer, so a server that refuses the body early (413) is heard even if it closes the
     * connection before the body is through — a race {@link java.net.http.HttpClient} loses.
     */
    public static Reply raw(String method, String url, String token, String contentType, byte[] body, String label) {
        URI uri = URI.create(url);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            String head = method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Content-Type: " + contentType + "\r\nContent-Length: " + body.length
                    + "\r\nAccept: application/json, application/problem+json\r\nConnection: close\r\n\r\n";
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    for (int off = 0; off < body.length; off += 65536) {
                        out.write(body, off, Math.min(65536, body.length - off));
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server stopped reading: it has answered (or closed)
                }
            }, "raw-body-writer");
            writer.setDaemon(true);
            writer.start();
            java.io.ByteArrayOutputStream response = new java.io.ByteArrayOutputStream();
            java.io.InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    response.write(buffer, 0, n);
                    if (complete(response.toString(StandardCharsets.ISO_8859_1))) break;
                }
            } catch (IOException e) {
                // connection reset after the answer: keep what was read
            }
            String text = response.toString(StandardCharsets.UTF_8);
            int headEnd = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
                return new Reply(label, -1, null, "no HTTP answer: " + text, Map.of());
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : text.substring(0, headEnd).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
            }
            int status = Integer.parseInt(text.substring(9, 12));
            return new Reply(label, status, headers.get("content-type"), text.substring(headEnd + 4), headers);
        } catch (IOException e) {
            return new Reply(label, -1, null, e.getClass().getSimpleName() + ": " + e.getMessage(), Map.of());
        }
    }

    /** Whether a raw HTTP/1.1 response is complete (head read and Content-Length bytes of body, or none). */
    private static boolean complete(String response) {
        int headEnd = response.indexOf("\r\n\r\n");
        if (headEnd < 0) return false;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length:\\s*(\\d+)")
                .matcher(response.substring(0, headEnd));
        if (m.find()) {
            return response.length() - headEnd - 4 >= Integer.parseInt(m.group(1));
        }
        return !response.substring(0, headEnd).toLowerCase().contains("transfer-encoding: chunked")
                || response.endsWith("0\r\n\r\n");
    }

    public static Request request(String method, String url) {
        return new Request(method, url);
    }

    public static Request get(String url) {
        return new Request("GET", url);
    }

    public static Request post(String url) {
        return new Request("POST", url);
    }

    public static Request put(String url) {
        return new Request("PUT", url);
    }

    private Http() {
    }
}
