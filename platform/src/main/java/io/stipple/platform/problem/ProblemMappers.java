package io.stipple.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.stipple.platform.web.TimeBounds;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one exception mapping of every service: each failure becomes a problem-details answer with a
 * stable type. Bad input is a 4xx with the field named; nothing leaks a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e, UriInfo uri) {
        RestResponse.ResponseBuilder<Problem> builder = RestResponse.ResponseBuilder.<Problem>create(e.status()).entity(new Problem(Problem.type(e.slug()), e.title(), e.status(), e.getMessage(),
                        path(uri), e.violations(), e.extensions()))
                .type(Problem.MEDIA_TYPE);
        e.headers().forEach(builder::header);
        return builder.build();
    }

    /** A domain rule's refusal: the same answer a {@link ProblemException} of that status and slug gets. */
    @ServerExceptionMapper
    public RestResponse<Problem> ruleViolation(RuleViolation e, UriInfo uri) {
        return RestResponse.ResponseBuilder.<Problem>create(e.status()).entity(toProblem(e, path(uri)))
                .type(Problem.MEDIA_TYPE)
                .build();
    }

    /** The problem a rule violation is answered with ({@code instance} the request path, may be null). */
    public static Problem toProblem(RuleViolation e, String instance) {
        List<Problem.Violation> violations = e.field() == null
                ? List.of() : List.of(new Problem.Violation(e.field(), e.fieldMessage()));
        return new Problem(Problem.type(e.slug()), e.title(), e.status(), e.getMessage(), instance, violations,
                e.extensions());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return respond(400, "validation-failed", "Request validation failed", detail, uri, violations);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> malformedJson(JsonParseException e, UriInfo uri) {
        return respond(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON: " + e.getOriginalMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return respond(400, "unknown-field", "Unknown field", "Unknown field '" + field + "'", uri,
                List.of(new Problem.Violation(field, "is not a field of this request")));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        String reason = e.getTargetType() == String.class || TimeBounds.isOutOfRangeMessage(e.getOriginalMessage())
                ? e.getOriginalMessage()
                : "expected " + (e.getTargetType() == null ? "another type" : describe(e.getTargetType()));
        return respond(400, "invalid-value", "Invalid value", field + ": " + reason, uri,
                List.of(new Problem.Violation(field, reason)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return respond(400, "malformed-json", "Malformed JSON",
                    "The request body does not have the expected shape", uri, List.of());
        }
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return respond(400, "invalid-value", "Invalid value", field + ": expected " + expected, uri,
                List.of(new Problem.Violation(field, "expected " + expected)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidValue(ValueInstantiationException e, UriInfo uri) {
        String field = jsonPath(e);
        String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : "invalid value";
        return respond(400, "invalid-value", "Invalid value", (field.isEmpty() ? "" : field + ": ") + reason, uri,
                List.of(new Problem.Violation(field.isEmpty() ? "body" : field, reason)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> otherJson(JsonProcessingException e, UriInfo uri) {
        return respond(400, "malformed-json", "Malformed JSON", "The request body could not be read", uri, List.of());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof ProblemException problem) {
            // a parameter converter's answer, which JAX-RS wraps in a 404 (query, path) or 400 (header, form)
            return problem(problem, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            if (json instanceof UnrecognizedPropertyException u) return unknownField(u, uri);
            if (json instanceof InvalidFormatException f) return invalidFormat(f, uri);
            if (json instanceof ValueInstantiationException v) return invalidValue(v, uri);
            if (json instanceof MismatchedInputException m) return mismatchedInput(m, uri);
            if (json instanceof JsonParseException p) return malformedJson(p, uri);
            return otherJson(json, uri);
        }
        String slug = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = status == 404 ? "No such resource" : e.getMessage();
        RestResponse.ResponseBuilder<Problem> builder = RestResponse.ResponseBuilder.<Problem>create(status).entity(new Problem(Problem.type(slug), title, status, detail, path(uri), List.of(), Map.of()))
                .type(Problem.MEDIA_TYPE);
        if (e.getResponse().getHeaderString("Allow") != null) {
            builder.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return builder.build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public RestResponse<Problem> unauthorized(RuntimeException e, UriInfo uri) {
        return RestResponse.ResponseBuilder.<Problem>create(401).entity(new Problem(Problem.type("unauthorized"), "Unauthorized", 401,
                        "A valid bearer token is required", path(uri), List.of(), Map.of()))
                .type(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "This role may not do that", uri, List.of());
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public RestResponse<Problem> concurrentModification(RuntimeException e, UriInfo uri) {
        return respond(409, "concurrent-modification", "Concurrent modification",
                "The resource was changed by someone else; read it again and retry", uri, List.of());
    }

    /** A request body that breaks off or is not the multipart/form it claims to be is the caller's fault (400). */
    @ServerExceptionMapper
    public RestResponse<Problem> unreadableBody(java.io.IOException e, UriInfo uri) {
        if (whileReadingTheRequest(e)) {
            return respond(400, "malformed-body", "Malformed request body",
                    "The request body could not be read: " + e.getMessage(), uri, List.of());
        }
        return internal(e, uri);
    }

    private static boolean whileReadingTheRequest(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("org.jboss.resteasy.reactive.server.handlers.FormBodyHandler")
                    || type.startsWith("org.jboss.resteasy.reactive.server.core.multipart.")
                    || type.startsWith("org.jboss.resteasy.reactive.server.handlers.RequestDeserializeHandler")) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> internal(Throwable e, UriInfo uri) {
        LOG.errorf(e, "unhandled error on %s", path(uri));
        return respond(500, "internal-error", "Internal error",
                "Something went wrong on our side; the correlation id identifies it in our logs", uri, List.of());
    }

    static RestResponse<Problem> respond(int status, String slug, String title, String detail, UriInfo uri,
                                         List<Problem.Violation> violations) {
        return RestResponse.ResponseBuilder.<Problem>create(status).entity(new Problem(Problem.type(slug), title, status, detail, path(uri), violations, Map.of()))
                .type(Problem.MEDIA_TYPE)
                .build();
    }

    private static String path(UriInfo uri) {
        try {
            return uri == null ? null : uri.getPath();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The JSON path of the field a Jackson error is about, e.g. {@code contact.email} or {@code areas[2]}. */
    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The request field a bean-validation violation is about, without the Java method and parameter names. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
            } else if (node.getKey() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + node.getKey() + "]");
            }
            if (name != null && !name.startsWith("<")) {
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "body" : parameter.equals("arg0") || isBodyLike(parameter) ? "body" : parameter;
        }
        return String.join(".", parts);
    }

    private static boolean isBodyLike(String parameter) {
        return parameter.equals("request") || parameter.equals("body") || parameter.endsWith("Request");
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            List<String> names = new ArrayList<>();
            for (Object c : constants) names.add(c.toString());
            return "one of " + names;
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "an ISO-8601 date-time with offset";
            case "LocalDate" -> "an ISO-8601 date (YYYY-MM-DD)";
            case "LocalTime" -> "an ISO-8601 time (HH:MM)";
            case "ZoneId" -> "an IANA time zone";
            case "Integer", "int", "Long", "long", "Short", "short" -> "an integer";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            default -> "a " + type.getSimpleName();
        };
    }
}
