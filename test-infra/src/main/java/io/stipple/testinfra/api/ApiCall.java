package io.stipple.testinfra.api;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * One request being built by a {@link StippleApi} operation: the caller's bearer token, {@code Accept: application/json},
 * query parameters, an {@code Idempotency-Key}, an {@code If-Match} and a JSON or multipart body. {@link #send()}
 * returns the answer as it came; {@link #fetch(Class)} expects success and reads the body.
 */
public final class ApiCall {

    private final StippleApi api;
    private final String method;
    private final String service;
    private final String base;
    private final String path;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;

    ApiCall(StippleApi api, String method, String service, String base, String path) {
        this.api = api;
        this.method = method;
        this.service = service;
        this.base = base;
        this.path = path;
    }

    /** Adds a query parameter unless the value is null. */
    public ApiCall query(String name, Object value) {
        if (value != null) {
            query.put(name, String.valueOf(value));
        }
        return this;
    }

    /**
     * Sends an {@code Idempotency-Key}: a UUID derived from {@code seed} (the same seed, the same key: a repeated seed
     * is a replay), or a fresh one when {@code seed} is null.
     */
    public ApiCall idempotencyKey(String seed) {
        headers.put("Idempotency-Key", seed == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString());
        return this;
    }

    public ApiCall ifMatch(String etag) {
        if (etag != null) {
            headers.put("If-Match", etag);
        }
        return this;
    }

    /** A JSON body: the record as the services read it (null fields left out, dates as ISO-8601 text). */
    public ApiCall json(Object value) {
        try {
            return body("application/json", StippleApi.JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
        }
    }

    public ApiCall multipart(Multipart form) {
        return body(form.contentType(), form.bytes());
    }

    private ApiCall body(String contentType, byte[] bytes) {
        headers.put("Content-Type", contentType);
        this.body = bytes;
        return this;
    }

    /** Sends the request; an answer of any status is returned, a connection failure is an {@link UncheckedIOException}. */
    public ApiReply send() {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((k, v) -> q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String name = method + " " + service + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + q))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (api.token() != null) {
            request.header("Authorization", "Bearer " + api.token());
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = StippleApi.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, java.util.List<String>> h = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v));
            return new ApiReply(name, response.statusCode(), response.headers().firstValue("content-type").orElse(null),
                    response.body(), h);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        }
    }

    /** Sends, expects a 2xx (else {@link ApiProblem}) and reads the body as this type. */
    public <T> T fetch(Class<T> type) {
        return send().as(type);
    }

    /** Sends, expects a 2xx and returns the body with the answer's {@code ETag}. */
    public <T> Versioned<T> fetchVersioned(Class<T> type) {
        ApiReply reply = send();
        return new Versioned<>(reply.as(type), reply.etag());
    }

    /** Sends, expects a 2xx and reads the body as a {@link Page} of this item type. */
    public <T> Page<T> fetchPage(Class<T> item) {
        ApiReply reply = send().expect();
        try {
            return StippleApi.JSON.readValue(reply.body(),
                    StippleApi.JSON.getTypeFactory().constructParametricType(Page.class, item));
        } catch (IOException e) {
            throw new UncheckedIOException(reply.request() + " answered no page of " + item.getSimpleName(), e);
        }
    }

    /** Every item of a paged list: pages of 100 read one after the other. */
    public <T> java.util.List<T> fetchAll(Class<T> item) {
        java.util.List<T> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            Page<T> p = query("size", 100).query("page", page).fetchPage(item);
            all.addAll(p.items());
            if (page + 1 >= p.totalPages()) {
                return all;
            }
        }
    }

    /** Sends and expects a 2xx; the body is not read. */
    public void execute() {
        send().expect();
    }
}
