package io.stipple.platform.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business rule the domain refuses: what a domain class (entity, value object, named policy) throws. It names no
 * HTTP type, so the domain stays free of the web layer; {@link ProblemMappers} answers it exactly like a
 * {@link ProblemException}: {@code type} = {@code https://stipple.io/problems/<slug>}, the kind's title and status,
 * the message as {@code detail}, the extra members ({@link #with}) at the top level.
 *
 * <pre>{@code
 * throw new RuleViolation("booking-in-past", "A booking must start in the future");        // 422
 * throw RuleViolation.conflict("booking-conflict", "Ana is already booked at that time"); // 409
 * throw new RuleViolation("healing-interval", "...").with("earliestStart", earliest.toString());
 * }</pre>
 */
public class RuleViolation extends RuntimeException {

    /** What kind of refusal it is, and so the status and title of the problem it becomes. */
    public enum Kind {
        /** A well-formed request a rule refuses (the default): 422 "Rule violated". */
        REFUSED(422, "Rule violated"),
        /** The request conflicts with the current state (taken, already done, not allowed from this state): 409. */
        CONFLICT(409, "Conflict"),
        /** The caller's role may not do this: 403 {@code forbidden}. */
        NOT_PERMITTED(403, "Forbidden"),
        /** One value of the request breaks a rule: 400 {@code validation-failed} naming the field. */
        INVALID_VALUE(400, "Request validation failed");

        private final int status;
        private final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }
    }

    private final Kind kind;
    private final String slug;
    private final String title;
    private final String field;
    private final String fieldMessage;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    /** A well-formed request this rule refuses: 422 with {@code slug} as the problem type. */
    public RuleViolation(String slug, String message) {
        this(Kind.REFUSED, slug, null, message);
    }

    /** @param title the problem's title; null for the kind's own */
    public RuleViolation(Kind kind, String slug, String title, String message) {
        this(kind, slug, title, message, null, null);
    }

    private RuleViolation(Kind kind, String slug, String title, String message, String field, String fieldMessage) {
        super(message);
        if (kind == null || slug == null || slug.isBlank()) {
            throw new IllegalArgumentException("a rule violation needs a kind and a slug");
        }
        this.kind = kind;
        this.slug = slug;
        this.title = title == null ? kind.title() : title;
        this.field = field;
        this.fieldMessage = fieldMessage;
    }

    /** The request conflicts with the current state: 409 with {@code slug} as the problem type. */
    public static RuleViolation conflict(String slug, String message) {
        return new RuleViolation(Kind.CONFLICT, slug, null, message);
    }

    /** Only another role may do this: 403 {@code forbidden}. */
    public static RuleViolation notPermitted(String message) {
        return new RuleViolation(Kind.NOT_PERMITTED, "forbidden", null, message);
    }

    /** The value of one request field breaks a rule: 400 {@code validation-failed} with the field named. */
    public static RuleViolation invalidValue(String field, String message) {
        return new RuleViolation(Kind.INVALID_VALUE, "validation-failed", null, field + ": " + message, field, message);
    }

    /** Adds a member to the problem, written at its top level (e.g. {@code earliestStart}). */
    public RuleViolation with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return kind.status();
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The request field an {@link Kind#INVALID_VALUE} is about; null otherwise. */
    public String field() {
        return field;
    }

    /** What is wrong with {@link #field()} (the detail without the field's name); null when there is no field. */
    public String fieldMessage() {
        return fieldMessage;
    }

    public Map<String, Object> extensions() {
        return Collections.unmodifiableMap(extensions);
    }
}
