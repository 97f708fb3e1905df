package io.stipple.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem-details body. {@code type} is stable per kind of problem (clients switch on it);
 * {@code violations} names the offending fields of a bad request.
 *
 * <p>Every member is bounded, as the OpenAPI documents declare: a detail, field or message built from what the caller
 * sent (an unknown field's name, a value that did not parse) is cut at its maximum with {@code …}, and at most
 * {@value #MAX_VIOLATIONS} violations are listed (a body of thousands of bad list elements still gets a short answer).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "violations"})
@Schema(name = "Problem", description = "RFC 9457 problem details. `type` is stable per kind of problem; "
        + "`violations` lists the offending fields of a bad request. Some problems add members, "
        + "e.g. `existingClientId` on a duplicate.")
public record Problem(
        @Schema(example = "https://stipple.io/problems/validation-failed", maxLength = MAX_TYPE) URI type,
        @Schema(example = "Request validation failed", maxLength = MAX_TITLE) String title,
        @Schema(example = "400", minimum = "100", maximum = "599") int status,
        @Schema(example = "email: must be a well-formed email address", maxLength = MAX_DETAIL) String detail,
        @Schema(example = "/api/v1/clients", maxLength = MAX_INSTANCE) String instance,
        @Schema(maxItems = MAX_VIOLATIONS) List<Violation> violations,
        @JsonIgnore @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://stipple.io/problems/";

    /** The longest {@code type}: {@link #TYPE_BASE} and a slug the code names. */
    public static final int MAX_TYPE = 200;
    public static final int MAX_TITLE = 200;
    public static final int MAX_DETAIL = 2000;
    /** The request path; the HTTP server refuses a request line longer than 4096 bytes anyway. */
    public static final int MAX_INSTANCE = 4096;
    public static final int MAX_VIOLATIONS = 100;
    public static final int MAX_FIELD = 500;
    public static final int MAX_MESSAGE = 1000;

    public Problem {
        title = cut(title, MAX_TITLE);
        detail = cut(detail, MAX_DETAIL);
        instance = cut(instance, MAX_INSTANCE);
        if (violations != null && violations.size() > MAX_VIOLATIONS) {
            violations = List.copyOf(violations.subList(0, MAX_VIOLATIONS));
        }
    }

    /** One field that failed validation: its JSON path (e.g. {@code contact.email}) and why. */
    public record Violation(
            @Schema(example = "email", maxLength = MAX_FIELD) String field,
            @Schema(example = "must be a well-formed email address", maxLength = MAX_MESSAGE) String message) {

        public Violation {
            field = cut(field, MAX_FIELD);
            message = cut(message, MAX_MESSAGE);
        }
    }

    /** The text, cut to at most {@code max} characters with a trailing ellipsis when longer. */
    public static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Extra members are written at the top level, as RFC 9457 intends. */
    @JsonAnyGetter
    public Map<String, Object> members() {
        return extensions == null ? Map.of() : extensions;
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
