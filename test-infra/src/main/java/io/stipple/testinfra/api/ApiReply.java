package io.stipple.testinfra.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * One answer of a service as it came: the request it answers ({@code PUT booking-service/api/v1/...}), status,
 * content type, body and headers (names in lower case). {@link #expect} turns an unexpected status into an
 * {@link ApiProblem}; {@link #as} reads the body into a record.
 */
public record ApiReply(String request, int status, String contentType, String body, Map<String, List<String>> headers) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    public boolean isProblem() {
        return contentType != null && contentType.startsWith("application/problem+json");
    }

    /** The first value of a header (case-insensitive name), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String etag() {
        return header("etag");
    }

    /** This reply if its status is one of these (any 2xx when none are given), else an {@link ApiProblem}. */
    public ApiReply expect(int... statuses) {
        if (statuses.length == 0 ? successful() : java.util.Arrays.stream(statuses).anyMatch(s -> s == status)) {
            return this;
        }
        throw problem();
    }

    /** This answer as an {@link ApiProblem} (its problem type, title and detail, if the body is a problem). */
    public ApiProblem problem() {
        return new ApiProblem(this);
    }

    /** The body as this type (after {@link #expect}ing success). */
    public <T> T as(Class<T> type) {
        expect();
        try {
            return StippleApi.JSON.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(request + " answered what is not a " + type.getSimpleName() + ": " + body, e);
        }
    }

    /** The body as a JSON tree (an empty object when there is none or it is not JSON). */
    public JsonNode json() {
        try {
            return body == null || body.isBlank() ? StippleApi.JSON.createObjectNode() : StippleApi.JSON.readTree(body);
        } catch (IOException e) {
            return StippleApi.JSON.createObjectNode();
        }
    }

    /** The request and the answer, short enough for a log line or an assertion message. */
    public String describe() {
        String text = body == null ? "" : body.replaceAll("\\s+", " ");
        return request + " -> " + status + (text.isEmpty() ? "" : ": " + (text.length() > 400 ? text.substring(0, 400) + "…" : text));
    }
}
