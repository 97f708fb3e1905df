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
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "violations"})
@Schema(name = "Problem", description = "RFC 9457 problem details. `type` is stable per kind of problem; "
        + "`violations` lists the offending fields of a bad request. Some problems add members, "
        + "e.g. `existingClientId` on a duplicate.")
public record Problem(
        @Schema(example = "https://stipple.io/problems/validation-failed") URI type,
        @Schema(example = "Request validation failed") String title,
        @Schema(example = "400") int status,
        @Schema(example = "email: must be a well-formed email address") String detail,
        @Schema(example = "/api/v1/clients") String instance,
        List<Violation> violations,
        @JsonIgnore @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://stipple.io/problems/";

    /** One field that failed validation: its JSON path (e.g. {@code contact.email}) and why. */
    public record Violation(
            @Schema(example = "email") String field,
            @Schema(example = "must be a well-formed email address") String message) {
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
