package io.stipple.platform.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every operation has an {@code operationId}, so generated clients get names a person would write: SmallRye names
 * each operation {@code <Class>_<method>} ({@code mp.openapi.extensions.smallrye.operationIdStrategy=CLASS_METHOD},
 * platform defaults) and this filter turns {@code ConsentResource_history} into {@code consentHistory}
 * ({@code PlanResource_get} → {@code planGet}). Unique within a document: a name that would repeat one already given
 * keeps SmallRye's.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OperationIdOpenApiFilter implements OASFilter {

    private static final Pattern CLASS_METHOD = Pattern.compile("([A-Za-z0-9]+?)(?:Resource)?_([A-Za-z0-9]+)");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Set<String> given = new HashSet<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation operation : item.getOperations().values()) {
                String id = operation.getOperationId();
                if (id == null) {
                    continue;
                }
                String readable = readable(id);
                operation.setOperationId(given.add(readable) ? readable : id);
            }
        }
    }

    /** {@code ConsentResource_history} → {@code consentHistory}; anything else unchanged. */
    static String readable(String operationId) {
        Matcher m = CLASS_METHOD.matcher(operationId);
        if (!m.matches()) {
            return operationId;
        }
        String noun = m.group(1);
        String verb = m.group(2);
        return Character.toLowerCase(noun.charAt(0)) + noun.substring(1)
                + Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
    }
}
