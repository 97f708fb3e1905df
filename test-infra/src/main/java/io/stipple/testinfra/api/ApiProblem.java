package io.stipple.testinfra.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service answered with an error: the RFC 9457 problem details it sent ({@code type}, {@code title}, {@code detail})
 * with the status and the request, so a caller can react to one kind of refusal ({@link #is(String)}) and report any
 * other one readably.
 */
public final class ApiProblem extends RuntimeException {

    private final ApiReply reply;
    private final String type;
    private final String title;
    private final String detail;

    ApiProblem(ApiReply reply) {
        super(reply.describe(), null, false, false);
        this.reply = reply;
        JsonNode problem = reply.isProblem() ? reply.json() : null;
        this.type = problem == null ? null : text(problem, "type");
        this.title = problem == null ? null : text(problem, "title");
        this.detail = problem == null ? null : text(problem, "detail");
    }

    private static String text(JsonNode problem, String field) {
        JsonNode value = problem.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    /** The HTTP status. */
    public int status() {
        return reply.status();
    }

    /** The problem type URI ({@code https://stipple.io/problems/<slug>}); null when the body was no problem. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** The whole answer (headers and body as sent). */
    public ApiReply reply() {
        return reply;
    }

    /** Whether the problem type is this slug ({@code unknown-client}) or this full type URI. */
    public boolean is(String slug) {
        return type != null && (type.equals(slug) || type.endsWith("/" + slug));
    }
}
