package io.stipple.platform.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Keeps {@value AccessRule#EXTENSION} where it belongs: on the operation. SmallRye OpenAPI also copies a
 * method's {@code @Extension} into the operation's {@code responses} object, where client generators (such as
 * openapi-typescript) take it for a response and fail.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AccessRuleOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() != null && operation.getResponses().getExtensions() != null
                        && operation.getResponses().getExtensions().containsKey(AccessRule.EXTENSION)) {
                    operation.getResponses().removeExtension(AccessRule.EXTENSION);
                }
            }
        }
    }
}
