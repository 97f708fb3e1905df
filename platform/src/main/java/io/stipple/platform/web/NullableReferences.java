package io.stipple.platform.web;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A nullable field of a referenced string type ({@code UUID}, {@code Instant}, an enum) is written by SmallRye as
 * {@code type: [string, null]} with {@code anyOf: [{$ref}, {type: null}]}: the bound sits on the referenced schema,
 * not on the field, so tools that read the field alone (the OWASP string-limit rule, gateways) see none. This gives
 * such a field the bound of what it refers to: the referenced schema's {@code maxLength}, or for an enum the length of
 * its longest constant. A {@code maxLength} the field declares itself stays.
 */
final class NullableReferences {

    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    private final Map<String, Schema> components;
    private final Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    NullableReferences(Components components) {
        this.components = components.getSchemas() == null ? Map.of() : components.getSchemas();
    }

    void bound(OpenAPI openAPI) {
        components.values().forEach(this::visit);
        if (openAPI.getComponents() != null) {
            Components c = openAPI.getComponents();
            if (c.getParameters() != null) c.getParameters().values().forEach(this::visit);
            if (c.getHeaders() != null) c.getHeaders().values().forEach(this::visit);
            if (c.getResponses() != null) c.getResponses().values().forEach(this::visit);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getParameters() != null) item.getParameters().forEach(this::visit);
            if (item.getOperations() == null) continue;
            for (Operation operation : item.getOperations().values()) {
                if (operation.getParameters() != null) operation.getParameters().forEach(this::visit);
                if (operation.getRequestBody() != null) visit(operation.getRequestBody().getContent());
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(this::visit);
                }
            }
        }
    }

    private void visit(Parameter parameter) {
        visit(parameter.getSchema());
        visit(parameter.getContent());
    }

    private void visit(Header header) {
        visit(header.getSchema());
        visit(header.getContent());
    }

    private void visit(APIResponse response) {
        if (response.getHeaders() != null) response.getHeaders().values().forEach(this::visit);
        visit(response.getContent());
    }

    private void visit(Content content) {
        if (content == null || content.getMediaTypes() == null) return;
        for (MediaType type : content.getMediaTypes().values()) {
            visit(type.getSchema());
        }
    }

    private void visit(Schema schema) {
        if (schema == null || !seen.add(schema)) return;
        boundByReference(schema);
        if (schema.getProperties() != null) schema.getProperties().values().forEach(this::visit);
        visit(schema.getItems());
        visit(schema.getAdditionalPropertiesSchema());
        visit(schema.getNot());
        for (List<Schema> list : List.of(orEmpty(schema.getAnyOf()), orEmpty(schema.getOneOf()), orEmpty(schema.getAllOf()))) {
            list.forEach(this::visit);
        }
    }

    private void boundByReference(Schema schema) {
        if (schema.getType() == null || !schema.getType().contains(SchemaType.STRING) || schema.getMaxLength() != null
                || schema.getEnumeration() != null || schema.getConstValue() != null) {
            return;
        }
        List<Schema> alternatives = new ArrayList<>(orEmpty(schema.getAnyOf()));
        alternatives.addAll(orEmpty(schema.getOneOf()));
        alternatives.addAll(orEmpty(schema.getAllOf()));
        Integer longest = null;
        for (Schema alternative : alternatives) {
            if (alternative.getType() != null && alternative.getType().equals(List.of(SchemaType.NULL))) {
                continue;
            }
            Integer bound = boundOf(alternative);
            if (bound == null) {
                return; // one unbounded alternative: the field is unbounded
            }
            longest = longest == null ? bound : Math.max(longest, bound);
        }
        if (longest != null) {
            schema.setMaxLength(longest);
        }
    }

    /** The longest text a value of this schema (following a component reference) can be; null if unbounded. */
    private Integer boundOf(Schema schema) {
        Schema target = schema;
        if (schema.getRef() != null && schema.getRef().startsWith(COMPONENT_PREFIX)) {
            target = components.get(schema.getRef().substring(COMPONENT_PREFIX.length()));
        }
        if (target == null) {
            return null;
        }
        if (target.getMaxLength() != null) {
            return target.getMaxLength();
        }
        if (target.getEnumeration() != null && !target.getEnumeration().isEmpty()) {
            int longest = 0;
            for (Object constant : target.getEnumeration()) {
                if (constant == null) continue;
                if (!(constant instanceof String text)) return null;
                longest = Math.max(longest, text.length());
            }
            return longest;
        }
        return null;
    }

    private static List<Schema> orEmpty(List<Schema> list) {
        return list == null ? List.of() : list;
    }
}
