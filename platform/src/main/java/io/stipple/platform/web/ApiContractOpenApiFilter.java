package io.stipple.platform.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.stipple.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What every Stipple API answers, declared once for every operation of every service, so that generated clients and
 * gateways know it (the OWASP API ruleset checks it):
 * <ul>
 *   <li>429 {@code TooManyRequests} (the partner rate limit, with {@code Retry-After}) and 500 {@code ServerError},
 *       both problem+json, on every operation that does not declare its own;</li>
 *   <li>{@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} on every 2xx and 4xx answer:
 *       the platform's partner rate limiter sends them on every answer to a partner token;</li>
 *   <li>the bounds a value's type already enforces where no constraint names a tighter one: a uuid is 36 characters,
 *       a date-time at most 64, a date at most 16, an int32 or int64 within its range; a page holds at most
 *       {@value PageQuery#MAX_SIZE} items. Bounds from bean-validation constraints ({@code @Size}, {@code @Max}) are
 *       SmallRye's and stay;</li>
 *   <li>a binary value ({@code format: binary}) is described as OpenAPI 3.1 describes bytes: by its
 *       {@code contentMediaType}, not as a string;</li>
 *   <li>a nullable reference to a bounded string (uuid, date-time, enum) carries the bound of what it refers to
 *       ({@link NullableReferences});</li>
 *   <li>the bearer scheme says how its JWTs are checked (RFC 8725).</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiContractOpenApiFilter implements OASFilter {

    static final String TOO_MANY_REQUESTS = "TooManyRequests";
    static final String SERVER_ERROR = "ServerError";
    static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
    /** On every 2xx and 4xx answer: the rate-limit headers and CORS' allowed origin. */
    static final List<String> ANSWER_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset",
            "Access-Control-Allow-Origin");
    static final String RETRY_AFTER = "Retry-After";
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

    /** The longest If-Match a valid ETag of this API can be: a quoted, optionally weak, non-negative long. */
    static final int LONGEST_ETAG = 2 + 2 + 19;

    static final String JWT_DESCRIPTION = "A JWT (JWS) in the Authorization header, checked as RFC8725 (JWT Best Current "
            + "Practices) recommends: the "
            + "algorithm is pinned to RS256 (alg none and HMAC are refused), the signature is verified with the configured "
            + "public key, issuer and audience must match, and the expiry is required and checked (30 s clock skew).";

    @Override
    public Schema filterSchema(Schema schema) {
        List<SchemaType> types = schema.getType();
        if (types == null) {
            return schema;
        }
        if (types.contains(SchemaType.STRING) && "binary".equals(schema.getFormat())) {
            // OpenAPI 3.1 describes raw bytes (a file part, an image answer) by their media type, not as a string
            // (whose length would be counted in characters): its size is bounded by the upload limit, not maxLength
            if (schema.getContentMediaType() == null) {
                schema.setContentMediaType("application/octet-stream");
            }
            schema.setFormat(null);
            schema.setType(null);
            return schema;
        }
        if (types.contains(SchemaType.STRING) && schema.getMaxLength() == null && schema.getEnumeration() == null
                && schema.getConstValue() == null) {
            Integer longest = longestOfFormat(schema.getFormat());
            if (longest != null) {
                schema.setMaxLength(longest);
            }
        }
        if (types.contains(SchemaType.INTEGER)) {
            if (schema.getFormat() == null) {
                schema.setFormat("int64");
            }
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        return schema;
    }

    /** The longest text a valid value of this format can be; null when the format says nothing about length. */
    static Integer longestOfFormat(String format) {
        if (format == null) {
            return null;
        }
        return switch (format) {
            case "uuid" -> 36;
            case "date" -> 16;
            case "date-time" -> 64;
            case "local-time", "time" -> 32;
            default -> null;
        };
    }

    /**
     * The headers every operation may take, bounded as the platform checks them: {@code Idempotency-Key} 1 to 255
     * visible ASCII characters (Idempotency), {@code If-Match} an ETag this API returned.
     */
    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getIn() != Parameter.In.HEADER || parameter.getSchema() == null) {
            return parameter;
        }
        Schema schema = parameter.getSchema();
        if ("Idempotency-Key".equalsIgnoreCase(parameter.getName()) && schema.getMaxLength() == null) {
            schema.setMinLength(1);
            schema.setMaxLength(255);
            schema.setPattern("^[\\x21-\\x7E]{1,255}$");
        } else if ("If-Match".equalsIgnoreCase(parameter.getName()) && schema.getMaxLength() == null) {
            schema.setMaxLength(LONGEST_ETAG);
        }
        return parameter;
    }

    @Override
    public SecurityScheme filterSecurityScheme(SecurityScheme scheme) {
        if (scheme.getBearerFormat() != null && scheme.getBearerFormat().equalsIgnoreCase("JWT")) {
            scheme.setDescription(JWT_DESCRIPTION);
        }
        return scheme;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        declareCommon(components);
        pageLimits(components);
        new NullableReferences(components).bound(openAPI);
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() == null) {
                    continue;
                }
                Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
                for (Map.Entry<String, APIResponse> e : responses.entrySet()) {
                    if (e.getValue().getRef() == null && e.getValue().getHeaders() != null
                            && !e.getValue().getHeaders().containsKey(ALLOW_ORIGIN)) {
                        e.getValue().addHeader(ALLOW_ORIGIN, OASFactory.createHeader().ref(ALLOW_ORIGIN));
                    }
                    if ((e.getKey().startsWith("2") || e.getKey().startsWith("4")) && e.getValue().getRef() == null) {
                        for (String name : ANSWER_HEADERS) {
                            if (e.getValue().getHeaders() == null || !e.getValue().getHeaders().containsKey(name)) {
                                e.getValue().addHeader(name, OASFactory.createHeader().ref(name));
                            }
                        }
                    }
                }
                APIResponse tooMany = responses.get("429");
                if (tooMany == null) {
                    operation.getResponses().addAPIResponse("429", OASFactory.createAPIResponse().ref(TOO_MANY_REQUESTS));
                } else if (tooMany.getRef() == null && (tooMany.getHeaders() == null || !tooMany.getHeaders().containsKey(RETRY_AFTER))) {
                    tooMany.addHeader(RETRY_AFTER, OASFactory.createHeader().ref(RETRY_AFTER));
                }
                if (!responses.containsKey("500")) {
                    operation.getResponses().addAPIResponse("500", OASFactory.createAPIResponse().ref(SERVER_ERROR));
                }
            }
        }
    }

    private static void declareCommon(Components components) {
        components.addHeader("RateLimit-Limit", rateHeader("Requests a partner may make in the current window (sent on answers to partner tokens)"));
        components.addHeader("RateLimit-Remaining", rateHeader("Requests left in the current window (sent on answers to partner tokens)"));
        components.addHeader("RateLimit-Reset", rateHeader("Seconds until the window resets (sent on answers to partner tokens)"));
        components.addHeader(RETRY_AFTER, rateHeader("Seconds to wait before trying again"));
        components.addHeader(ALLOW_ORIGIN, OASFactory.createHeader()
                .description("The requesting origin, on cross-origin requests from one of the front-end origins the "
                        + "deployment allows (STIPPLE_CORS_ORIGINS); absent otherwise")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING).maxLength(2048)));
        Schema problem = OASFactory.createSchema().ref("Problem");
        var content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(problem));
        APIResponse tooMany = OASFactory.createAPIResponse()
                .description("Too many requests: the partner rate limit (RFC 9457 problem, type rate-limited); retry after Retry-After")
                .content(content)
                .addHeader(RETRY_AFTER, OASFactory.createHeader().ref(RETRY_AFTER));
        for (String name : ANSWER_HEADERS) {
            tooMany.addHeader(name, OASFactory.createHeader().ref(name));
        }
        components.addResponse(TOO_MANY_REQUESTS, tooMany);
        components.addResponse(SERVER_ERROR, OASFactory.createAPIResponse()
                .addHeader(ALLOW_ORIGIN, OASFactory.createHeader().ref(ALLOW_ORIGIN))
                .description("Unexpected error (RFC 9457 problem, type internal-error, with a correlation id); quote its correlation id when reporting it")
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem")))));
    }

    private static Header rateHeader(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(Integer.MAX_VALUE)));
    }

    /**
     * A page's items ({@code Page…} as SmallRye names {@code Page<T>}, or a service's own {@code …Page} record that
     * documents one): at most {@link PageQuery#MAX_SIZE} (the largest {@code size} a list accepts).
     */
    private static void pageLimits(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        for (Map.Entry<String, Schema> e : components.getSchemas().entrySet()) {
            Schema schema = e.getValue();
            if ((e.getKey().startsWith("Page") || e.getKey().endsWith("Page")) && schema.getProperties() != null) {
                Schema items = schema.getProperties().get("items");
                if (items != null && items.getMaxItems() == null) {
                    items.setMaxItems(PageQuery.MAX_SIZE);
                }
            }
        }
    }
}
